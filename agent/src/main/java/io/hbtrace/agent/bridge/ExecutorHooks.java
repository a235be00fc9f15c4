package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.HandoffHooks.received;
import static io.hbtrace.agent.bridge.HandoffHooks.sent;
import static io.hbtrace.agent.bridge.Hooks.blocking;
import static io.hbtrace.agent.bridge.Hooks.enter;
import static io.hbtrace.agent.bridge.Hooks.fail;
import static io.hbtrace.agent.bridge.Hooks.scheduledRun;
import static io.hbtrace.agent.bridge.Hooks.sink;

import io.hbtrace.agent.bridge.Hooks.Guard;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Hooks for tasks handed to executors ({@code Executor.execute}, {@code ExecutorService.submit},
 * {@code CompletableFuture.supplyAsync/runAsync}: the task is wrapped in a {@link TracedRunnable},
 * {@link TracedCallable} or {@link TracedSupplier}) and for the futures that hand their results
 * back ({@code Future.get}, {@code CompletableFuture.join/complete}). The rules in {@link Hooks}'
 * comment hold here too.
 */
public final class ExecutorHooks {

  private ExecutorHooks() {}

  private static void alias(Object alias, Object target) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.alias(alias, target);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  private static boolean recording() {
    return sink != null;
  }

  /**
   * A task wrapper ends: its thread goes back to its executor's own (uninstrumented) wait for the
   * next task, which a scheduled run must not wait for.
   */
  static void leaving() {
    if (scheduledRun) {
      blocking(null);
    }
  }

  /**
   * Whether {@code task} handed to {@code e} is wrapped (and its hand-off recorded): not when
   * nothing records, and not for a pool whose queue orders its tasks (a {@link
   * PriorityBlockingQueue}, by their {@code compareTo} or its comparator), which would compare the
   * wrappers, neither {@code Comparable} nor the types a comparator expects.
   */
  private static boolean wraps(Executor e, Object task) {
    return recording()
        && task != null
        && !(e instanceof ThreadPoolExecutor p && p.getQueue() instanceof PriorityBlockingQueue);
  }

  public static void execute(Executor e, Runnable r, int site) {
    if (!wraps(e, r)) {
      e.execute(r);
      return;
    }
    TracedRunnable w = new TracedRunnable(r, site);
    if (r instanceof Future) {
      alias(r, w);
    }
    e.execute(w);
  }

  public static Future<?> submit(ExecutorService e, Runnable r, int site) {
    if (!wraps(e, r)) {
      return e.submit(r);
    }
    TracedRunnable w = new TracedRunnable(r, site);
    Future<?> f = e.submit(w);
    alias(f, w);
    return f;
  }

  public static <T> Future<T> submit(ExecutorService e, Runnable r, T result, int site) {
    if (!wraps(e, r)) {
      return e.submit(r, result);
    }
    TracedRunnable w = new TracedRunnable(r, site);
    Future<T> f = e.submit(w, result);
    alias(f, w);
    return f;
  }

  public static <T> Future<T> submit(ExecutorService e, Callable<T> c, int site) {
    if (!wraps(e, c)) {
      return e.submit(c);
    }
    TracedCallable<T> w = new TracedCallable<>(c, site);
    Future<T> f = e.submit(w);
    alias(f, w);
    return f;
  }

  public static <T> CompletableFuture<T> supplyAsync(Supplier<T> s, int site) {
    if (!recording() || s == null) {
      return CompletableFuture.supplyAsync(s);
    }
    TracedSupplier<T> w = new TracedSupplier<>(s, site);
    CompletableFuture<T> f = CompletableFuture.supplyAsync(w);
    alias(f, w);
    return f;
  }

  public static <T> CompletableFuture<T> supplyAsync(Supplier<T> s, Executor e, int site) {
    if (!recording() || s == null) {
      return CompletableFuture.supplyAsync(s, e);
    }
    TracedSupplier<T> w = new TracedSupplier<>(s, site);
    CompletableFuture<T> f = CompletableFuture.supplyAsync(w, e);
    alias(f, w);
    return f;
  }

  public static CompletableFuture<Void> runAsync(Runnable r, int site) {
    if (!recording() || r == null) {
      return CompletableFuture.runAsync(r);
    }
    TracedRunnable w = new TracedRunnable(r, site);
    CompletableFuture<Void> f = CompletableFuture.runAsync(w);
    alias(f, w);
    return f;
  }

  public static CompletableFuture<Void> runAsync(Runnable r, Executor e, int site) {
    if (!recording() || r == null) {
      return CompletableFuture.runAsync(r, e);
    }
    TracedRunnable w = new TracedRunnable(r, site);
    CompletableFuture<Void> f = CompletableFuture.runAsync(w, e);
    alias(f, w);
    return f;
  }

  /**
   * A completion is sent before it is made (so it is ordered before whatever receives it); one that
   * cannot take effect, the future being done already, sends nothing. (Two threads completing one
   * future at once both send.)
   */
  public static <T> boolean complete(CompletableFuture<T> f, T value, int site) {
    completing(f, site);
    return f.complete(value);
  }

  public static boolean completeExceptionally(CompletableFuture<?> f, Throwable x, int site) {
    completing(f, site);
    return f.completeExceptionally(x);
  }

  private static void completing(CompletableFuture<?> f, int site) {
    if (!f.isDone()) {
      sent(f, HandoffKind.FUTURE, site);
    }
  }

  public static <T> T get(Future<T> f, int site) throws InterruptedException, ExecutionException {
    if (scheduledRun) {
      blocking(f);
    }
    try {
      T v = f.get();
      received(f, HandoffKind.FUTURE, site);
      return v;
    } catch (ExecutionException x) {
      received(f, HandoffKind.FUTURE, site); // the task ended, by an exception
      throw x;
    }
  }

  public static <T> T get(Future<T> f, long time, TimeUnit unit, int site)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (scheduledRun) {
      blocking(f);
    }
    try {
      T v = f.get(time, unit);
      received(f, HandoffKind.FUTURE, site);
      return v;
    } catch (ExecutionException x) {
      received(f, HandoffKind.FUTURE, site);
      throw x;
    }
  }

  public static <T> T join(CompletableFuture<T> f, int site) {
    if (scheduledRun) {
      blocking(f);
    }
    try {
      T v = f.join();
      received(f, HandoffKind.FUTURE, site);
      return v;
    } catch (CompletionException x) {
      received(f, HandoffKind.FUTURE, site); // completed exceptionally
      throw x;
    }
  }
}
