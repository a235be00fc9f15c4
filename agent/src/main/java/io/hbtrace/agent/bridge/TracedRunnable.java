package io.hbtrace.agent.bridge;

/**
 * A task handed to an executor: its start receives the submitter's hand-off, and its end sends the
 * completion that {@code Future.get} receives (the future is an alias of this wrapper).
 */
public final class TracedRunnable implements Runnable {
  private final Runnable task;
  private final int site;

  TracedRunnable(Runnable task, int site) {
    this.task = task;
    this.site = site;
    HandoffHooks.sent(this, HandoffKind.EXECUTOR, site);
  }

  @Override
  public void run() {
    HandoffHooks.received(this, HandoffKind.EXECUTOR, site);
    try {
      task.run();
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
