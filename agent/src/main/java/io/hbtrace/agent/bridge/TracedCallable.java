package io.hbtrace.agent.bridge;

import java.util.concurrent.Callable;

/**
 * The {@link Callable} form of {@link TracedRunnable}; it also keeps how its task ended, for {@code
 * invokeAny} to tell which task's result it returned.
 */
public final class TracedCallable<T> implements Callable<T> {
  private static final Object RUNNING = new Object();
  private static final Object FAILED = new Object();

  private final Callable<T> task;
  private final int site;
  private final Object pool; // the ExecutorService, or null

  /**
   * {@link #RUNNING} (or not started), {@link #FAILED}, or the result the task returned. Plain, not
   * volatile (no fence on every task's path): invokeAny reads it after its return, which the task
   * that returned that result happens-before, as does every failure it read when all failed.
   */
  private Object outcome = RUNNING;

  TracedCallable(Callable<T> task, int site, Object pool) {
    this.task = task;
    this.site = site;
    this.pool = pool;
    HandoffHooks.sent(this, HandoffKind.EXECUTOR, site);
  }

  @Override
  public T call() throws Exception {
    HandoffHooks.received(this, HandoffKind.EXECUTOR, site);
    try {
      T v = task.call();
      outcome = v;
      return v;
    } catch (Throwable x) {
      outcome = FAILED;
      throw x;
    } finally {
      HandoffHooks.sent(this, HandoffKind.FUTURE, site);
      if (pool != null) {
        HandoffHooks.sent(pool, HandoffKind.FUTURE, site);
      }
      ExecutorHooks.leaving();
    }
  }

  /** Whether the task ended by returning {@code v} itself. */
  boolean returned(Object v) {
    Object o = outcome;
    return o != RUNNING && o != FAILED && o == v;
  }

  /** Whether the task ended, either way. */
  boolean ended() {
    return outcome != RUNNING;
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
