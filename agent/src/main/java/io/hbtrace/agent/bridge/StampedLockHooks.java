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
 * lock will refuse at once (a stamp not of the mode held, or of an earlier hold) is not recorded.
 * Optimistic reads, conversions and the stampless unlocks are {@link StampConversionHooks}'. As in
 * {@link LockHooks}, a hook that cannot be called once the lock is taken (the stack's edge) is
 * caught in the hook's own frame, and a release always unlocks: the event is lost, not the lock.
 * The rules in {@link Hooks}' comment hold here too.
 */
public final class StampedLockHooks {

  private StampedLockHooks() {}

  public static long writeLock(StampedLock l, int site) {
    Lock v = l.asWriteLock();
    attempt(v, site); // a blocking acquire is always attempted
    long stamp = l.writeLock();
    try {
      got(v, stamp, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: the event is lost, not the lock
    }
    return stamp;
  }

  public static long writeLockInterruptibly(StampedLock l, int site) throws InterruptedException {
    Lock v = l.asWriteLock();
    attempt(v, site);
    long stamp = l.writeLockInterruptibly();
    try {
      got(v, stamp, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: the event is lost, not the lock
    }
    return stamp;
  }

  public static long tryWriteLock(StampedLock l, int site) {
    Lock v = l.asWriteLock();
    long stamp = attempt(v, site) ? l.tryWriteLock() : 0L; // 0: a replay's recorded try failed
    try {
      got(v, stamp, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: the event is lost, not the lock
    }
    return stamp;
  }

  public static long tryWriteLock(StampedLock l, long time, TimeUnit unit, int site)
      throws InterruptedException {
    Lock v = l.asWriteLock();
    long stamp = attempt(v, site) ? l.tryWriteLock(time, unit) : 0L;
    try {
      got(v, stamp, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: the event is lost, not the lock
    }
    return stamp;
  }

  public static long readLock(StampedLock l, int site) {
    Lock v = l.asReadLock();
    attempt(v, site);
    long stamp = l.readLock();
    try {
      got(v, stamp, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: the event is lost, not the lock
    }
    return stamp;
  }

  public static long readLockInterruptibly(StampedLock l, int site) throws InterruptedException {
    Lock v = l.asReadLock();
    attempt(v, site);
    long stamp = l.readLockInterruptibly();
    try {
      got(v, stamp, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: the event is lost, not the lock
    }
    return stamp;
  }

  public static long tryReadLock(StampedLock l, int site) {
    Lock v = l.asReadLock();
    long stamp = attempt(v, site) ? l.tryReadLock() : 0L;
    try {
      got(v, stamp, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: the event is lost, not the lock
    }
    return stamp;
  }

  public static long tryReadLock(StampedLock l, long time, TimeUnit unit, int site)
      throws InterruptedException {
    Lock v = l.asReadLock();
    long stamp = attempt(v, site) ? l.tryReadLock(time, unit) : 0L;
    try {
      got(v, stamp, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: the event is lost, not the lock
    }
    return stamp;
  }

  public static void unlockWrite(StampedLock l, long stamp, int site) {
    try {
      releasingIf(unlocks(l, stamp, true), l.asWriteLock(), site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // not even the hook could be called: the release goes unrecorded, but it happens
    }
    l.unlockWrite(stamp);
  }

  public static void unlockRead(StampedLock l, long stamp, int site) {
    try {
      releasingIf(unlocks(l, stamp, false), l.asReadLock(), site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // not even the hook could be called: the release goes unrecorded, but it happens
    }
    l.unlockRead(stamp);
  }

  /** {@code unlock(stamp)}: the mode is the stamp's. */
  public static void unlock(StampedLock l, long stamp, int site) {
    try {
      releasingHeld(l, stamp, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // not even the hook could be called: the release goes unrecorded, but it happens
    }
    l.unlock(stamp);
  }

  /**
   * Whether an unlock of {@code stamp} in the write mode ({@code write}) or the read mode will
   * succeed: the stamp is of that mode and still valid (not one of an earlier hold, which the lock
   * refuses even while another thread holds it in that mode).
   */
  static boolean unlocks(StampedLock l, long stamp, boolean write) {
    return write
        ? StampedLock.isWriteLockStamp(stamp) && l.validate(stamp)
        : StampedLock.isReadLockStamp(stamp) && l.validate(stamp) && l.isReadLocked();
  }

  /**
   * Records the release that giving back {@code stamp} makes, in the stamp's mode, if the lock will
   * accept it ({@link #unlocks}).
   */
  static void releasingHeld(StampedLock l, long stamp, int site) {
    if (unlocks(l, stamp, true)) {
      releasing(l.asWriteLock(), site);
    } else if (unlocks(l, stamp, false)) {
      releasing(l.asReadLock(), site);
    }
  }

  /** In a scheduled run, announces the acquire; whether to attempt it (a try may not). */
  static boolean attempt(Lock view, int site) {
    return !scheduledRun || acquiring(view, site);
  }

  /** Records the acquire of a stamp that is not 0 (a try that failed got 0). */
  static void got(Lock view, long stamp, int site) {
    if (stamp != 0L) {
      acquired(view, site);
    }
  }

  /** Records a release the lock will make (something is held in that mode). */
  static void releasingIf(boolean held, Lock view, int site) {
    if (held) {
      releasing(view, site);
    }
  }
}
