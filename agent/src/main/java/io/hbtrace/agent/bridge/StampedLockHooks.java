package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.Hooks.scheduledRun;
import static io.hbtrace.agent.bridge.LockHooks.acquired;
import static io.hbtrace.agent.bridge.LockHooks.acquiring;
import static io.hbtrace.agent.bridge.LockHooks.releasing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * Hooks for {@code StampedLock}'s write and read locks, recorded as acquires and releases of its
 * write view (exclusive) and read view (shared), which share the lock's identity. An unlock the
 * lock will refuse at once (nothing held in that mode) is not recorded; optimistic reads ({@code
 * tryOptimisticRead}, {@code validate}) and conversions ({@code tryConvertTo*}) are not recorded.
 * The rules in {@link Hooks}' comment hold here too.
 */
public final class StampedLockHooks {

  private StampedLockHooks() {}

  public static long writeLock(StampedLock l, int site) {
    Lock v = l.asWriteLock();
    if (scheduledRun) {
      acquiring(v, site);
    }
    long stamp = l.writeLock();
    got(v, site);
    return stamp;
  }

  public static long writeLockInterruptibly(StampedLock l, int site) throws InterruptedException {
    Lock v = l.asWriteLock();
    if (scheduledRun) {
      acquiring(v, site);
    }
    long stamp = l.writeLockInterruptibly();
    got(v, site);
    return stamp;
  }

  public static long tryWriteLock(StampedLock l, int site) {
    Lock v = l.asWriteLock();
    if (scheduledRun && !acquiring(v, site)) {
      return 0L; // a replay's recorded try failed here
    }
    return tried(v, l.tryWriteLock(), site);
  }

  public static long tryWriteLock(StampedLock l, long time, TimeUnit unit, int site)
      throws InterruptedException {
    Lock v = l.asWriteLock();
    if (scheduledRun && !acquiring(v, site)) {
      return 0L;
    }
    return tried(v, l.tryWriteLock(time, unit), site);
  }

  public static long readLock(StampedLock l, int site) {
    Lock v = l.asReadLock();
    if (scheduledRun) {
      acquiring(v, site);
    }
    long stamp = l.readLock();
    got(v, site);
    return stamp;
  }

  public static long readLockInterruptibly(StampedLock l, int site) throws InterruptedException {
    Lock v = l.asReadLock();
    if (scheduledRun) {
      acquiring(v, site);
    }
    long stamp = l.readLockInterruptibly();
    got(v, site);
    return stamp;
  }

  public static long tryReadLock(StampedLock l, int site) {
    Lock v = l.asReadLock();
    if (scheduledRun && !acquiring(v, site)) {
      return 0L;
    }
    return tried(v, l.tryReadLock(), site);
  }

  public static long tryReadLock(StampedLock l, long time, TimeUnit unit, int site)
      throws InterruptedException {
    Lock v = l.asReadLock();
    if (scheduledRun && !acquiring(v, site)) {
      return 0L;
    }
    return tried(v, l.tryReadLock(time, unit), site);
  }

  public static void unlockWrite(StampedLock l, long stamp, int site) {
    if (l.isWriteLocked()) {
      releasing(l.asWriteLock(), site);
    }
    l.unlockWrite(stamp);
  }

  public static void unlockRead(StampedLock l, long stamp, int site) {
    if (l.isReadLocked()) {
      releasing(l.asReadLock(), site);
    }
    l.unlockRead(stamp);
  }

  /** {@code unlock(stamp)}: the mode is the stamp's. */
  public static void unlock(StampedLock l, long stamp, int site) {
    if (StampedLock.isWriteLockStamp(stamp) && l.isWriteLocked()) {
      releasing(l.asWriteLock(), site);
    } else if (StampedLock.isReadLockStamp(stamp) && l.isReadLocked()) {
      releasing(l.asReadLock(), site);
    }
    l.unlock(stamp);
  }

  private static long tried(Lock view, long stamp, int site) {
    if (stamp != 0L) {
      got(view, site);
    }
    return stamp;
  }

  private static void got(Lock view, int site) {
    try {
      acquired(view, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: a hook that cannot even be called loses its event, not the lock
    }
  }
}
