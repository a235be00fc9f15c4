package io.hbtrace.agenttest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Threads contending on a lock, a monitor and a read-write lock. */
public final class Contention {
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final Object MONITOR = new Object();
  private static final ReentrantReadWriteLock RWL = new ReentrantReadWriteLock();
  private static long counter;

  private Contention() {}

  public static long run() throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      Thread th =
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  LOCK.lock();
                  try {
                    counter++;
                  } finally {
                    LOCK.unlock();
                  }
                  synchronized (MONITOR) {
                    counter++;
                  }
                  if ((i + id) % 3 == 0) {
                    RWL.writeLock().lock();
                    try {
                      counter++;
                    } finally {
                      RWL.writeLock().unlock();
                    }
                  } else {
                    RWL.readLock().lock();
                    try {
                      counter += 0;
                    } finally {
                      RWL.readLock().unlock();
                    }
                  }
                }
              },
              "contender-" + t);
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    return counter;
  }
}
