package io.hbtrace.agent.bridge;

/**
 * A task handed to an executor: its start receives the submitter's hand-off, and its end sends the
 * completion that {@code Future.get} receives (the future is an alias of this wrapper) and, for a
 * task of an {@code ExecutorService}, the one its {@code awaitTermination} receives (channel: the
 * service). A periodic task runs again and again, each run receiving what the last one sent.
 */
public final class TracedRunnable implements Runnable {
  private final Runnable task;
  private final int site;
  private final Object pool; // the ExecutorService, or null

  TracedRunnable(Runnable task, int site) {
    this(task, site, null);
  }

  TracedRunnable(Runnable task, int site, Object pool) {
    this.task = task;
    this.site = site;
    this.pool = pool;
    HandoffHooks.sent(this, HandoffKind.EXECUTOR, site);
  }

  @Override
  public void run() {
    HandoffHooks.received(this, HandoffKind.EXECUTOR, site);
    try {
      task.run();
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
