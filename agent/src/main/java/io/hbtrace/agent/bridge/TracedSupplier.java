package io.hbtrace.agent.bridge;

import java.util.function.Supplier;

/**
 * The {@link Supplier} form of {@link TracedRunnable}, for {@code CompletableFuture.supplyAsync}
 * (whose future is an alias of it) and {@code completeAsync} (which completes a future that exists:
 * its end sends on that future).
 */
public final class TracedSupplier<T> extends TracedTask implements Supplier<T> {
  private final Supplier<T> task;

  TracedSupplier(Supplier<T> task, int site, Object pool, Object completes) {
    super(site, pool, true, completes);
    this.task = task;
  }

  @Override
  public T get() {
    begin();
    try {
      return task.get();
    } finally {
      end();
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
