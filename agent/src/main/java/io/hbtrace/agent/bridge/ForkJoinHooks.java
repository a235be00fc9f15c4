package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.HandoffHooks.received;
import static io.hbtrace.agent.bridge.HandoffHooks.sent;
import static io.hbtrace.agent.bridge.Hooks.blocking;
import static io.hbtrace.agent.bridge.Hooks.scheduledRun;

import java.util.Collection;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Hooks for fork/join tasks, whose channel is the task itself: handing a task over ({@code fork},
 * {@code ForkJoinPool.execute/submit/invoke}, the static {@code invokeAll}) sends, the start of its
 * {@code compute} (advice in the task's class, when it is one of the program's) receives, the end
 * of its {@code compute} sends (a {@code CountedCompleter}'s completion also sends, up its chain),
 * and waiting for it ({@code join}, {@code invoke}, {@code quietlyJoin}, {@code quietlyInvoke},
 * {@code get}, {@code invokeAll} returning) receives. A task computed by the thread that forked it,
 * as work stealing often has it, receives what its own thread sent: no edge, as none is needed. The
 * rules in {@link Hooks}' comment hold here too.
 */
public final class ForkJoinHooks {

  private ForkJoinHooks() {}

  /** The start of a task's {@code compute} (advice): receives what handed it over. */
  public static void computeStarts(Object task, int site) {
    received(task, HandoffKind.EXECUTOR, site);
  }

  /** The end of a task's {@code compute}, normal or by an exception (advice). */
  public static void computeEnds(Object task, int site) {
    sent(task, HandoffKind.FUTURE, site);
  }

  public static <T> ForkJoinTask<T> fork(ForkJoinTask<T> t, int site) {
    sent(t, HandoffKind.EXECUTOR, site);
    return t.fork();
  }

  /**
   * {@code join} returns the task's result or throws its exception: either way the task ended (or
   * was cancelled, when nothing was sent and the receive makes no edge).
   */
  public static <T> T join(ForkJoinTask<T> t, int site) {
    if (scheduledRun) {
      blocking(t);
    }
    try {
      return t.join();
    } finally {
      received(t, HandoffKind.FUTURE, site);
    }
  }

  /** {@code invoke} computes the task here, or waits for the thread already computing it. */
  public static <T> T invoke(ForkJoinTask<T> t, int site) {
    sent(t, HandoffKind.EXECUTOR, site);
    try {
      return t.invoke();
    } finally {
      received(t, HandoffKind.FUTURE, site);
    }
  }

  public static void quietlyJoin(ForkJoinTask<?> t, int site) {
    if (scheduledRun) {
      blocking(t);
    }
    t.quietlyJoin();
    received(t, HandoffKind.FUTURE, site);
  }

  public static void quietlyInvoke(ForkJoinTask<?> t, int site) {
    sent(t, HandoffKind.EXECUTOR, site);
    t.quietlyInvoke();
    received(t, HandoffKind.FUTURE, site);
  }

  /**
   * A completer's completion goes up its chain: a pending count reaching zero completes the
   * completer and tries its own completer in turn, so each of these sends on the completer and on
   * every completer above it (the one that completes, when the last of its subtasks gets there, has
   * then received from all of them).
   */
  public static void tryComplete(CountedCompleter<?> c, int site) {
    completing(c, site);
    c.tryComplete();
  }

  public static void propagateCompletion(CountedCompleter<?> c, int site) {
    completing(c, site);
    c.propagateCompletion();
  }

  public static <T> void complete(CountedCompleter<T> c, T result, int site) {
    completing(c, site);
    c.complete(result);
  }

  public static void quietlyCompleteRoot(CountedCompleter<?> c, int site) {
    completing(c, site);
    c.quietlyCompleteRoot();
  }

  /** The javadoc's idiom: {@code for (c = firstComplete(); c != null; c = c.nextComplete())}. */
  public static CountedCompleter<?> firstComplete(CountedCompleter<?> c, int site) {
    completing(c, site);
    return c.firstComplete();
  }

  public static CountedCompleter<?> nextComplete(CountedCompleter<?> c, int site) {
    completing(c, site);
    return c.nextComplete();
  }

  private static void completing(CountedCompleter<?> c, int site) {
    for (CountedCompleter<?> x = c; x != null; x = x.getCompleter()) {
      sent(x, HandoffKind.FUTURE, site);
    }
  }

  public static void invokeAll(ForkJoinTask<?> a, ForkJoinTask<?> b, int site) {
    handOver(a, site);
    handOver(b, site);
    try {
      ForkJoinTask.invokeAll(a, b);
    } finally {
      waited(a, site);
      waited(b, site);
    }
  }

  public static void invokeAll(ForkJoinTask<?>[] tasks, int site) {
    if (tasks != null) {
      for (ForkJoinTask<?> t : tasks) {
        handOver(t, site);
      }
    }
    try {
      ForkJoinTask.invokeAll(tasks);
    } finally {
      if (tasks != null) {
        for (ForkJoinTask<?> t : tasks) {
          waited(t, site);
        }
      }
    }
  }

  public static <T extends ForkJoinTask<?>> Collection<T> invokeAll(Collection<T> tasks, int site) {
    if (tasks != null) {
      for (T t : tasks) {
        handOver(t, site);
      }
    }
    try {
      return ForkJoinTask.invokeAll(tasks);
    } finally {
      if (tasks != null) {
        for (T t : tasks) {
          waited(t, site);
        }
      }
    }
  }

  public static void execute(ForkJoinPool p, ForkJoinTask<?> t, int site) {
    handOver(t, site);
    p.execute(t);
  }

  public static <T> ForkJoinTask<T> submit(ForkJoinPool p, ForkJoinTask<T> t, int site) {
    handOver(t, site);
    return p.submit(t);
  }

  public static <T> T invoke(ForkJoinPool p, ForkJoinTask<T> t, int site) {
    handOver(t, site);
    if (scheduledRun) {
      blocking(t);
    }
    try {
      return p.invoke(t);
    } finally {
      received(t, HandoffKind.FUTURE, site);
    }
  }

  private static void handOver(ForkJoinTask<?> t, int site) {
    if (t != null) {
      sent(t, HandoffKind.EXECUTOR, site);
    }
  }

  /** A task invokeAll waited for: done (normally, by an exception, or cancelled). */
  private static void waited(ForkJoinTask<?> t, int site) {
    if (t != null && t.isDone()) {
      received(t, HandoffKind.FUTURE, site);
    }
  }
}
