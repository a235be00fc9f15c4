package io.hbtrace.agent.bridge;

import java.util.concurrent.Callable;

/**
 * The {@link Callable} form of {@link TracedRunnable}; it also keeps how its task ended, for {@code
 * invokeAny} to tell which task's result it returned.
 */
public final class TracedCallable<T> extends TracedTask implements Callable<T> {
  private static final Object RUNNING = new Object();
  private static final Object FAILED = new Object();

  private final Callable<T> task;

  /**
   * {@link #RUNNING} (or not started), {@link #FAILED}, or the result the task returned. Plain, not
   * volatile (no fence on every task's path): invokeAny reads it after its return, which the task
   * that returned that result happens-before, as does every failure it read when all failed.
   */
  private Object outcome = RUNNING;

  TracedCallable(Callable<T> task, int site, Object pool) {
    super(site, pool, true, null);
    this.task = task;
  }

  @Override
  public T call() throws Exception {
    begin();
    try {
      T v = task.call();
      outcome = v;
      return v;
    } catch (Throwable x) {
      outcome = FAILED;
      throw x;
    } finally {
      end();
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
