package io.hbtrace.agenttest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

/** A StampedLock's write and read locks, its unlock by stamp, and its write view. */
public final class StampedLocks {
  private StampedLocks() {}

  /**
   * Two threads each add 500 under the write lock, then a read under the read lock, a tryWriteLock
   * and a timed tryReadLock given back by {@code unlock(stamp)}, and the write view's lock and
   * unlock: returns {@code "n=1000"}.
   */
  public static String run() throws InterruptedException {
    StampedLock l = new StampedLock();
    int[] n = new int[1];
    Runnable add =
        () -> {
          for (int i = 0; i < 500; i++) {
            long s = l.writeLock();
            try {
              n[0]++;
            } finally {
              l.unlockWrite(s);
            }
          }
        };
    Thread t = new Thread(add, "worker");
    t.start();
    add.run();
    t.join();
    long r = l.readLock();
    int seen;
    try {
      seen = n[0];
    } finally {
      l.unlockRead(r);
    }
    l.unlock(l.tryWriteLock());
    l.unlock(l.tryReadLock(1, TimeUnit.SECONDS));
    l.asWriteLock().lock();
    l.asWriteLock().unlock();
    return "n=" + seen;
  }
}
