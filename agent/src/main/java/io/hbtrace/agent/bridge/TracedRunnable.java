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
    Hooks.sent(this, HandoffKind.EXECUTOR, site);
  }

  @Override
  public void run() {
    Hooks.received(this, HandoffKind.EXECUTOR, site);
    try {
      task.run();
    } finally {
      Hooks.sent(this, HandoffKind.FUTURE, site);
      Hooks.leaving();
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
