package io.hbtrace.agenttest;

import java.util.Date;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Operations that throw at once and so release, send or start nothing (a wait with an interrupt
 * pending or without its monitor, a signal without its lock, an unlock by a thread that does not
 * hold the lock, a second start), and an {@code awaitUntil} that is signalled.
 */
public final class FailedOperations {
  private FailedOperations() {}

  /** Returns how many of the nine failing operations threw (9) plus 100 if awaitUntil woke. */
  public static int run() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Condition cond = lock.newCondition();
    Object monitor = new Object();
    int threw = 0;
    lock.lock();
    try {
      Thread.currentThread().interrupt();
      cond.await();
    } catch (InterruptedException e) {
      threw++;
    } finally {
      lock.unlock();
    }
    synchronized (monitor) {
      Thread.currentThread().interrupt();
      try {
        monitor.wait();
      } catch (InterruptedException e) {
        threw++;
      }
    }
    try {
      monitor.wait(1);
    } catch (IllegalMonitorStateException e) {
      threw++;
    }
    try {
      monitor.notifyAll();
    } catch (IllegalMonitorStateException e) {
      threw++;
    }
    try {
      cond.awaitNanos(1_000);
    } catch (IllegalMonitorStateException e) {
      threw++;
    }
    try {
      cond.signal();
    } catch (IllegalMonitorStateException e) {
      threw++;
    }
    try {
      lock.unlock();
    } catch (IllegalMonitorStateException e) {
      threw++;
    }
    try {
      new ReentrantReadWriteLock().writeLock().unlock();
    } catch (IllegalMonitorStateException e) {
      threw++;
    }
    Thread once = new Thread(() -> {}, "once");
    once.start();
    once.join();
    try {
      once.start();
    } catch (IllegalThreadStateException e) {
      threw++;
    }
    return threw + (awaitUntilSignalled(lock, cond) ? 100 : 0);
  }

  private static boolean awaitUntilSignalled(ReentrantLock lock, Condition cond)
      throws InterruptedException {
    boolean[] go = {false};
    Thread signaller =
        new Thread(
            () -> {
              lock.lock();
              try {
                go[0] = true;
                cond.signalAll();
              } finally {
                lock.unlock();
              }
            },
            "signaller");
    lock.lock();
    try {
      signaller.start();
      Date deadline = new Date(System.currentTimeMillis() + 60_000);
      while (!go[0]) {
        if (!cond.awaitUntil(deadline)) {
          return false;
        }
      }
    } finally {
      lock.unlock();
    }
    signaller.join();
    return true;
  }
}
