package io.hbtrace.agent.instrument;

/**
 * Calls of {@code Lock} (lock, lockInterruptibly, tryLock, unlock), {@code ReadWriteLock}
 * (readLock/writeLock, which tie a view to its lock and mode) and {@code Condition} (await, which
 * releases and re-acquires the owning lock; signal) on any subtype, resolved through the type pool.
 * A {@code tryLock} is recorded only when it returned true.
 */
final class LockCallInstrumentation {
  private static final String LOCK = "java/util/concurrent/locks/Lock";
  private static final String RWL = "java/util/concurrent/locks/ReadWriteLock";
  private static final String CONDITION = "java/util/concurrent/locks/Condition";
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
  }
}
