package io.hbtrace.agenttest;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * A StampedLock's optimistic reads, its conversions between modes and its stampless unlocks, each
 * between two threads that nothing else orders: one marks an object where it writes (or reads), the
 * other marks it where that must be seen. The threads meet through a volatile flag no spec names
 * (unrecorded), so only the lock can order the marks; {@link #flagOnly} is the control.
 */
public final class OptimisticReads {
  private static volatile boolean go;
  private static int value;
  private static int entered;

  private OptimisticReads() {}

  private static void mark(Object o) {
    synchronized (o) {
      entered++;
    }
  }

  private static void await() {
    while (!go) {
      Thread.onSpinWait();
    }
  }

  /** Starts {@code body} on a thread of its own, before the flag is raised. */
  private static Thread started(Runnable body) {
    go = false;
    Thread t = new Thread(body, "other");
    t.start();
    return t;
  }

  /** Another thread that writes {@code v} under the write lock, marks, then raises the flag. */
  private static Thread writer(StampedLock l, Object m, int v) {
    return started(
        () -> {
          long s = l.writeLock();
          value = v;
          mark(m);
          l.unlockWrite(s);
          go = true;
        });
  }

  /** A write under the write lock, then an optimistic read that validates: the read sees it. */
  public static String writeThenOptimistic() throws InterruptedException {
    StampedLock l = new StampedLock();
    Object m = new Object();
    Thread w = writer(l, m, 1);
    await();
    int seen;
    for (; ; ) {
      long s = l.tryOptimisticRead();
      seen = value;
      if (l.validate(s)) {
        break;
      }
    }
    mark(m);
    w.join();
    return "seen " + seen;
  }

  /** An optimistic read validated before another thread's write lock: the read comes first. */
  public static String optimisticThenWrite() throws InterruptedException {
    StampedLock l = new StampedLock();
    Object m = new Object();
    value = 2;
    Thread w =
        started(
            () -> {
              await();
              long s = l.writeLock();
              mark(m);
              value = 3;
              l.unlockWrite(s);
            });
    long s = l.tryOptimisticRead();
    int seen = value;
    mark(m);
    boolean valid = l.validate(s);
    go = true;
    w.join();
    return "seen " + seen + " valid " + valid;
  }

  /** An optimistic read converted to the write lock, then another thread's read lock. */
  public static String optimisticToWrite() throws InterruptedException {
    StampedLock l = new StampedLock();
    return afterWrite(
        l, () -> l.tryConvertToWriteLock(l.tryOptimisticRead()), w -> l.unlockWrite(w));
  }

  /** A read lock converted to the write lock, then another thread's read lock. */
  public static String readToWrite() throws InterruptedException {
    StampedLock l = new StampedLock();
    return afterWrite(l, () -> l.tryConvertToWriteLock(l.readLock()), w -> l.unlock(w));
  }

  /** The write lock converted to a read lock: readers enter after the write. */
  public static String writeToRead() throws InterruptedException {
    StampedLock l = new StampedLock();
    return afterWrite(l, () -> l.writeLock(), w -> l.unlockRead(l.tryConvertToReadLock(w)));
  }

  /** The write lock converted to an optimistic read: readers enter after the write. */
  public static String writeToOptimistic() throws InterruptedException {
    StampedLock l = new StampedLock();
    return afterWrite(l, () -> l.writeLock(), w -> l.tryConvertToOptimisticRead(w));
  }

  /** The write lock given back by {@code tryUnlockWrite}: readers enter after the write. */
  public static String stamplessUnlock() throws InterruptedException {
    StampedLock l = new StampedLock();
    return afterWrite(l, () -> l.writeLock(), w -> l.tryUnlockWrite());
  }

  /** The read lock taken twice and given back by {@code tryUnlockRead}, then a write lock. */
  public static String stamplessReadUnlock() {
    StampedLock l = new StampedLock();
    l.readLock();
    l.readLock();
    boolean first = l.tryUnlockRead();
    boolean second = l.tryUnlockRead();
    boolean none = l.tryUnlockRead();
    l.unlockWrite(l.writeLock());
    return first + " " + second + " " + none;
  }

  /** The control: a write under the lock, seen through the flag alone. */
  public static String flagOnly() throws InterruptedException {
    StampedLock l = new StampedLock();
    Object m = new Object();
    Thread w = writer(l, m, 9);
    await();
    int seen = value;
    mark(m);
    w.join();
    return "seen " + seen;
  }

  /**
   * A stamp's way of taking the lock, and of leaving it (lambdas: method references to the lock's
   * methods would be called from a class the JDK makes).
   */
  private interface Take {
    long stamp();
  }

  private interface Leave {
    void stamp(long s);
  }

  /**
   * Takes the lock by {@code take}, writes and marks, leaves by {@code leave}; another thread
   * waiting for the flag then takes the read lock and marks. Returns what it read.
   */
  private static String afterWrite(StampedLock l, Take take, Leave leave)
      throws InterruptedException {
    Object m = new Object();
    int[] seen = new int[1];
    Thread r =
        started(
            () -> {
              await();
              long s = l.readLock();
              mark(m);
              seen[0] = value;
              l.unlockRead(s);
            });
    long w = take.stamp();
    boolean written = w != 0L;
    value = written ? 5 : -1;
    mark(m);
    leave.stamp(w);
    go = true;
    r.join();
    return "seen " + seen[0] + " write stamp " + StampedLock.isWriteLockStamp(w);
  }

  /**
   * Unlocks the lock refuses: a stamp of an earlier hold while another thread holds the lock in
   * that mode, a read stamp given to {@code unlockWrite}. Returns how many were refused.
   */
  public static int refusedUnlocks() throws InterruptedException {
    StampedLock l = new StampedLock();
    long earlier = l.writeLock();
    l.unlockWrite(earlier);
    long earlierRead = l.readLock();
    l.unlockRead(earlierRead);
    Thread other =
        started(
            () -> {
              long s = l.writeLock();
              go = true;
              while (go) {
                Thread.onSpinWait();
              }
              l.unlockWrite(s);
            });
    await();
    int refused = 0;
    for (Runnable unlock :
        new Runnable[] {
          () -> l.unlockWrite(earlier), () -> l.unlock(earlier), () -> l.unlockWrite(earlierRead)
        }) {
      try {
        unlock.run();
      } catch (IllegalMonitorStateException e) {
        refused++;
      }
    }
    go = false;
    other.join();
    long r = l.readLock();
    try {
      l.unlockRead(earlierRead);
    } catch (IllegalMonitorStateException e) {
      refused++;
    }
    l.unlockRead(r);
    return refused;
  }

  /** The lock through its {@code asReadWriteLock()} view, mixed with stamps: one identity. */
  public static String readWriteView() {
    StampedLock l = new StampedLock();
    l.unlockWrite(l.writeLock());
    ReadWriteLock view = l.asReadWriteLock();
    view.readLock().lock();
    view.readLock().unlock();
    view.writeLock().lock();
    view.writeLock().unlock();
    l.unlockRead(l.readLock());
    return l.isReadLocked() || l.isWriteLocked() ? "held" : "free";
  }
}
