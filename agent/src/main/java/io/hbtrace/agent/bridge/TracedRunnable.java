package io.hbtrace.agent.bridge;

/**
 * A task handed to an executor ({@link TracedTask}): the future it completes is an alias of it. A
 * periodic task runs again and again, each run receiving what the last one sent.
 */
public final class TracedRunnable extends TracedTask implements Runnable {
  private final Runnable task;

  TracedRunnable(Runnable task, int site) {
    this(task, site, null);
  }

  TracedRunnable(Runnable task, int site, Object pool) {
    super(site, pool, true, null);
    this.task = task;
  }

  @Override
  public void run() {
    begin();
    try {
      task.run();
    } finally {
      end();
    }
  }

  @Override
  public String toString() {
    return task.toString();
  }
}
