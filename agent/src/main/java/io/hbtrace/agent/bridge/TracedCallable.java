package io.hbtrace.agent.bridge;

import java.util.concurrent.Callable;

/** The {@link Callable} form of {@link TracedRunnable}. */
public final class TracedCallable<T> implements Callable<T> {
  private final Callable<T> task;
  private final int site;
  private final Object pool; // the ExecutorService, or null

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
      return task.call();
    } finally {
      HandoffHooks.sent(this, HandoffKind.FUTURE, site);
      if (pool != null) {
        HandoffHooks.sent(pool, HandoffKind.FUTURE, site);
      }
      ExecutorHooks.leaving();
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
