package io.hbtrace.agent.instrument;

/**
 * Calls of {@code Lock} (lock, lockInterruptibly, tryLock, unlock), {@code ReadWriteLock}
 * (readLock/writeLock, which tie a view to its lock and mode) and {@code Condition} (await, which
 * releases and re-acquires the owning lock; signal) on any subtype, resolved through the type pool.
 * A {@code tryLock} is recorded only when it returned true. {@code StampedLock}'s write and read
 * locks are recorded as its write and read views', as are its optimistic reads and conversions.
 */
final class LockCallInstrumentation {
  private static final String LOCK = "java/util/concurrent/locks/Lock";
  private static final String RWL = "java/util/concurrent/locks/ReadWriteLock";
  private static final String CONDITION = "java/util/concurrent/locks/Condition";
  private static final String STAMPED = "java/util/concurrent/locks/StampedLock";
  private static final String UNIT = "Ljava/util/concurrent/TimeUnit;";

  private LockCallInstrumentation() {}

  static void addRules(CallRedirect.Rules rules) {
    rules
        .in(CallRedirect.LOCK_HOOKS)
        .instance(LOCK, "lock", "()V", "lock")
        .instance(LOCK, "lockInterruptibly", "()V", "lockInterruptibly")
        .instance(LOCK, "tryLock", "()Z", "tryLock")
        .instance(LOCK, "tryLock", "(J" + UNIT + ")Z", "tryLock")
        .instance(LOCK, "unlock", "()V", "unlock")
        .instance(RWL, "readLock", "()L" + LOCK + ";", "readLock")
        .instance(RWL, "writeLock", "()L" + LOCK + ";", "writeLock")
        .instance(CONDITION, "await", "()V", "await")
        .instance(CONDITION, "awaitUninterruptibly", "()V", "awaitUninterruptibly")
        .instance(CONDITION, "await", "(J" + UNIT + ")Z", "await")
        .instance(CONDITION, "awaitNanos", "(J)J", "awaitNanos")
        .instance(CONDITION, "awaitUntil", "(Ljava/util/Date;)Z", "awaitUntil")
        .instance(CONDITION, "signal", "()V", "signal")
        .instance(CONDITION, "signalAll", "()V", "signalAll");
    rules
        .in(CallRedirect.STAMPED_LOCK_HOOKS)
        .instance(STAMPED, "writeLock", "()J", "writeLock")
        .instance(STAMPED, "writeLockInterruptibly", "()J", "writeLockInterruptibly")
        .instance(STAMPED, "tryWriteLock", "()J", "tryWriteLock")
        .instance(STAMPED, "tryWriteLock", "(J" + UNIT + ")J", "tryWriteLock")
        .instance(STAMPED, "readLock", "()J", "readLock")
        .instance(STAMPED, "readLockInterruptibly", "()J", "readLockInterruptibly")
        .instance(STAMPED, "tryReadLock", "()J", "tryReadLock")
        .instance(STAMPED, "tryReadLock", "(J" + UNIT + ")J", "tryReadLock")
        .instance(STAMPED, "unlockWrite", "(J)V", "unlockWrite")
        .instance(STAMPED, "unlockRead", "(J)V", "unlockRead")
        .instance(STAMPED, "unlock", "(J)V", "unlock");
    rules
        .in(CallRedirect.STAMP_CONVERSION_HOOKS)
        .instance(STAMPED, "tryOptimisticRead", "()J", "tryOptimisticRead")
        .instance(STAMPED, "validate", "(J)Z", "validate")
        .instance(STAMPED, "tryConvertToWriteLock", "(J)J", "tryConvertToWriteLock")
        .instance(STAMPED, "tryConvertToReadLock", "(J)J", "tryConvertToReadLock")
        .instance(STAMPED, "tryConvertToOptimisticRead", "(J)J", "tryConvertToOptimisticRead")
        .instance(STAMPED, "tryUnlockWrite", "()Z", "tryUnlockWrite")
        .instance(STAMPED, "tryUnlockRead", "()Z", "tryUnlockRead");
  }
}
