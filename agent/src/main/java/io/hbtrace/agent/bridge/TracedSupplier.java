package io.hbtrace.agent.bridge;

import java.util.function.Supplier;

/**
 * The {@link Supplier} form of {@link TracedRunnable}, for {@code CompletableFuture.supplyAsync}.
 */
public final class TracedSupplier<T> implements Supplier<T> {
  private final Supplier<T> task;
  private final int site;
  private final Object pool; // the ExecutorService it runs on, or null

  TracedSupplier(Supplier<T> task, int site, Object pool) {
    this.task = task;
    this.site = site;
    this.pool = pool;
    HandoffHooks.sent(this, HandoffKind.EXECUTOR, site);
  }

  @Override
  public T get() {
    HandoffHooks.received(this, HandoffKind.EXECUTOR, site);
    try {
      return task.get();
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
