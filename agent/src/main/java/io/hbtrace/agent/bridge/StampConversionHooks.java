package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.LockHooks.acquired;
import static io.hbtrace.agent.bridge.LockHooks.releasing;
import static io.hbtrace.agent.bridge.StampedLockHooks.attempt;
import static io.hbtrace.agent.bridge.StampedLockHooks.got;
import static io.hbtrace.agent.bridge.StampedLockHooks.releasingHeld;
import static io.hbtrace.agent.bridge.StampedLockHooks.releasingIf;
import static io.hbtrace.agent.bridge.StampedLockHooks.unlocks;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * Hooks for {@code StampedLock}'s optimistic reads, its conversions between modes and its stampless
 * unlocks, recorded on its write view (exclusive) and read view (shared) as {@link
 * StampedLockHooks} records its locks.
 *
 * <p>An optimistic read holds nothing, so it is recorded as two empty read sections: one where it
 * begins ({@code tryOptimisticRead} that returned a stamp: the read receives the last write's
 * release) and one where it is validated ({@code validate} of an optimistic stamp, whatever it
 * answers: the reads made since are released to the next writer, as a read lock's unlock would).
 * Reads a failed validation discards stay unordered with the write that overlapped them, which is
 * what they were.
 *
 * <p>A conversion is recorded as the release of the mode it leaves and the acquire of the one it
 * takes. Leaving the write lock is recorded before the call (readers may enter the moment it
 * returns); leaving a read lock for the write lock after it, once the conversion succeeded (no one
 * can take the lock in between). A stamp already of the wanted mode, or one the lock refuses, is
 * passed on unrecorded. The rules in {@link Hooks}' comment hold here too.
 */
public final class StampConversionHooks {

  private StampConversionHooks() {}

  public static long tryOptimisticRead(StampedLock l, int site) {
    Lock v = l.asReadLock();
    long stamp = attempt(v, site) ? l.tryOptimisticRead() : 0L; // 0: a replay's recorded try failed
    if (stamp != 0L) {
      passed(v, site);
    }
    return stamp;
  }

  public static boolean validate(StampedLock l, long stamp, int site) {
    if (StampedLock.isOptimisticReadStamp(stamp)) {
      validated(l, site);
    }
    return l.validate(stamp);
  }

  public static long tryConvertToWriteLock(StampedLock l, long stamp, int site) {
    boolean fromRead = StampedLock.isReadLockStamp(stamp);
    if (!fromRead && !StampedLock.isOptimisticReadStamp(stamp)) {
      return l.tryConvertToWriteLock(stamp); // already the write lock's, or refused
    }
    Lock w = l.asWriteLock();
    long next = attempt(w, site) ? l.tryConvertToWriteLock(stamp) : 0L;
    try {
      got(w, next, site);
      if (fromRead && next != 0L) {
        releasing(l.asReadLock(), site);
      }
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: the event is lost, not the lock
    }
    return next;
  }

  public static long tryConvertToReadLock(StampedLock l, long stamp, int site) {
    if (StampedLock.isReadLockStamp(stamp)) {
      return l.tryConvertToReadLock(stamp);
    }
    boolean fromWrite = unlocks(l, stamp, true);
    try {
      releasingIf(fromWrite, l.asWriteLock(), site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // not even the hook could be called: the release goes unrecorded, but it happens
    }
    Lock r = l.asReadLock();
    // leaving a held write lock always succeeds: a replay does not get to refuse it
    long next = attempt(r, site) || fromWrite ? l.tryConvertToReadLock(stamp) : 0L;
    try {
      got(r, next, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: the event is lost, not the lock
    }
    return next;
  }

  public static long tryConvertToOptimisticRead(StampedLock l, long stamp, int site) {
    try {
      if (StampedLock.isOptimisticReadStamp(stamp)) {
        validated(l, site); // it validates the stamp
      } else {
        releasingHeld(l, stamp, site);
      }
    } catch (StackOverflowError | OutOfMemoryError e) {
      // not even the hook could be called: the release goes unrecorded, but it happens
    }
    return l.tryConvertToOptimisticRead(stamp);
  }

  public static boolean tryUnlockWrite(StampedLock l, int site) {
    try {
      releasingIf(l.isWriteLocked(), l.asWriteLock(), site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // not even the hook could be called: the release goes unrecorded, but it happens
    }
    return l.tryUnlockWrite();
  }

  public static boolean tryUnlockRead(StampedLock l, int site) {
    try {
      releasingIf(l.isReadLocked(), l.asReadLock(), site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // not even the hook could be called: the release goes unrecorded, but it happens
    }
    return l.tryUnlockRead();
  }

  /** The empty read section of an optimistic stamp's validation (announced in a scheduled run). */
  private static void validated(StampedLock l, int site) {
    Lock v = l.asReadLock();
    attempt(v, site);
    passed(v, site);
  }

  /** An empty read section: the read view acquired and released at once. */
  private static void passed(Lock view, int site) {
    try {
      acquired(view, site);
      releasing(view, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // nothing is held: only the events are lost
    }
  }
}
