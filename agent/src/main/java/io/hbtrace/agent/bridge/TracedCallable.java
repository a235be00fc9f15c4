package io.hbtrace.agent.bridge;

import java.util.concurrent.Callable;

/** The {@link Callable} form of {@link TracedRunnable}. */
public final class TracedCallable<T> implements Callable<T> {
  private final Callable<T> task;
  private final int site;

  TracedCallable(Callable<T> task, int site) {
    this.task = task;
    this.site = site;
    HandoffHooks.sent(this, HandoffKind.EXECUTOR, site);
  }

  @Override
  public T call() throws Exception {
    HandoffHooks.received(this, HandoffKind.EXECUTOR, site);
    try {
      return task.call();
    } finally {
      HandoffHooks.sent(this, HandoffKind.FUTURE, site);
      ExecutorHooks.leaving();
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
