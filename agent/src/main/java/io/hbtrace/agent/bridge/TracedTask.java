package io.hbtrace.agent.bridge;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * What every wrapped task and stage function does around the program's own: made when it is handed
 * over, it sends the handing thread's hand-off; its start receives that; its end, normal or by an
 * exception, sends the completion its future's waits receive (its channel: itself, of which the
 * future is an alias, or the future it completes) and, on an {@code ExecutorService}, what the
 * service's {@code awaitTermination} receives. A task that runs on an executor hands over as a
 * task's start (EXECUTOR: a predictive analysis scopes program order to it) and, ending, leaves its
 * thread to the executor's own wait; one run inline in the thread that made its future complete
 * hands over as a future's completion, and that thread's program order goes on through it.
 */
abstract class TracedTask {
  final int site;
  private final Object pool; // the ExecutorService it runs on, or null
  private final boolean onExecutor;
  private final Object channel; // what its end sends on

  TracedTask(int site, Object pool, boolean onExecutor, Object completes) {
    this.site = site;
    this.pool = pool;
    this.onExecutor = onExecutor;
    this.channel = completes == null ? this : completes;
    HandoffHooks.sent(this, handover(), site);
  }

  /** The service whose {@code awaitTermination} a task run by {@code e} ends for, or null. */
  static Object service(Executor e) {
    return e instanceof ExecutorService ? e : null;
  }

  private int handover() {
    return onExecutor ? HandoffKind.EXECUTOR : HandoffKind.FUTURE;
  }

  void begin() {
    HandoffHooks.received(this, handover(), site);
  }

  final void end() {
    HandoffHooks.sent(channel, HandoffKind.FUTURE, site);
    if (pool != null) {
      HandoffHooks.sent(pool, HandoffKind.FUTURE, site);
    }
    if (onExecutor) {
      ExecutorHooks.leaving();
    }
  }
}
