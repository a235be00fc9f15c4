package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.HandoffHooks.alias;
import static io.hbtrace.agent.bridge.HandoffHooks.received;
import static io.hbtrace.agent.bridge.HandoffHooks.sent;
import static io.hbtrace.agent.bridge.Hooks.blocking;
import static io.hbtrace.agent.bridge.Hooks.scheduledRun;
import static io.hbtrace.agent.bridge.Hooks.sink;
import static io.hbtrace.agent.bridge.TracedTask.service;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Hooks for tasks handed to executors ({@code Executor.execute}, {@code ExecutorService.submit} and
 * {@code invokeAll}, {@code ScheduledExecutorService.schedule*}, {@code
 * CompletableFuture.supplyAsync/runAsync}: the task is wrapped in a {@link TracedRunnable}, {@link
 * TracedCallable} or {@link TracedSupplier}) and for what hands their results back ({@code
 * Future.get}, {@code CompletableFuture.join/complete}, {@code invokeAll} returning, {@code
 * awaitTermination} returning true). The rules in {@link Hooks}' comment hold here too.
 */
public final class ExecutorHooks {

  private ExecutorHooks() {}

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
    TracedRunnable w = new TracedRunnable(r, site, service(e));
    if (r instanceof Future) {
      alias(r, w);
    }
    e.execute(w);
  }

  public static Future<?> submit(ExecutorService e, Runnable r, int site) {
    if (!wraps(e, r)) {
      return e.submit(r);
    }
    TracedRunnable w = new TracedRunnable(r, site, e);
    Future<?> f = e.submit(w);
    alias(f, w);
    return f;
  }

  public static <T> Future<T> submit(ExecutorService e, Runnable r, T result, int site) {
    if (!wraps(e, r)) {
      return e.submit(r, result);
    }
    TracedRunnable w = new TracedRunnable(r, site, e);
    Future<T> f = e.submit(w, result);
    alias(f, w);
    return f;
  }

  public static <T> Future<T> submit(ExecutorService e, Callable<T> c, int site) {
    if (!wraps(e, c)) {
      return e.submit(c);
    }
    TracedCallable<T> w = new TracedCallable<>(c, site, e);
    Future<T> f = e.submit(w);
    alias(f, w);
    return f;
  }

  /**
   * A completion service's task: wrapped as a service's (its service is not known here, so its end
   * is not sent to {@code awaitTermination}); the future it returns, which {@code take} and {@code
   * poll} hand out again, is the wrapper's alias.
   */
  public static <T> Future<T> submit(CompletionService<T> cs, Callable<T> c, int site) {
    if (!recording() || c == null) {
      return cs.submit(c);
    }
    TracedCallable<T> w = new TracedCallable<>(c, site, null);
    Future<T> f = cs.submit(w);
    alias(f, w);
    return f;
  }

  public static <T> Future<T> submit(CompletionService<T> cs, Runnable r, T result, int site) {
    if (!recording() || r == null) {
      return cs.submit(r, result);
    }
    TracedRunnable w = new TracedRunnable(r, site);
    Future<T> f = cs.submit(w, result);
    alias(f, w);
    return f;
  }

  public static ScheduledFuture<?> schedule(
      ScheduledExecutorService e, Runnable r, long delay, TimeUnit unit, int site) {
    if (!wraps(e, r)) {
      return e.schedule(r, delay, unit);
    }
    TracedRunnable w = new TracedRunnable(r, site, e);
    ScheduledFuture<?> f = e.schedule(w, delay, unit);
    alias(f, w);
    return f;
  }

  public static <T> ScheduledFuture<T> schedule(
      ScheduledExecutorService e, Callable<T> c, long delay, TimeUnit unit, int site) {
    if (!wraps(e, c)) {
      return e.schedule(c, delay, unit);
    }
    TracedCallable<T> w = new TracedCallable<>(c, site, e);
    ScheduledFuture<T> f = e.schedule(w, delay, unit);
    alias(f, w);
    return f;
  }

  public static ScheduledFuture<?> scheduleAtFixedRate(
      ScheduledExecutorService e, Runnable r, long first, long period, TimeUnit unit, int site) {
    if (!wraps(e, r)) {
      return e.scheduleAtFixedRate(r, first, period, unit);
    }
    TracedRunnable w = new TracedRunnable(r, site, e);
    ScheduledFuture<?> f = e.scheduleAtFixedRate(w, first, period, unit);
    alias(f, w);
    return f;
  }

  public static ScheduledFuture<?> scheduleWithFixedDelay(
      ScheduledExecutorService e, Runnable r, long first, long delay, TimeUnit unit, int site) {
    if (!wraps(e, r)) {
      return e.scheduleWithFixedDelay(r, first, delay, unit);
    }
    TracedRunnable w = new TracedRunnable(r, site, e);
    ScheduledFuture<?> f = e.scheduleWithFixedDelay(w, first, delay, unit);
    alias(f, w);
    return f;
  }

  /**
   * Each task is wrapped; when {@code invokeAll} returns, every task that ran to its end (not
   * cancelled) has handed its completion to the caller, as a {@code get} of its future would.
   */
  public static <T> List<Future<T>> invokeAll(
      ExecutorService e, Collection<? extends Callable<T>> tasks, int site)
      throws InterruptedException {
    List<TracedCallable<T>> ws = wrapAll(e, tasks, site);
    if (ws == null) {
      return e.invokeAll(tasks);
    }
    if (scheduledRun) {
      blocking(e);
    }
    return receivedAll(e.invokeAll(ws), ws, site);
  }

  public static <T> List<Future<T>> invokeAll(
      ExecutorService e,
      Collection<? extends Callable<T>> tasks,
      long time,
      TimeUnit unit,
      int site)
      throws InterruptedException {
    List<TracedCallable<T>> ws = wrapAll(e, tasks, site);
    if (ws == null) {
      return e.invokeAll(tasks, time, unit);
    }
    if (scheduledRun) {
      blocking(e);
    }
    return receivedAll(e.invokeAll(ws, time, unit), ws, site);
  }

  /**
   * Each task is wrapped; {@code invokeAny} returns the result of one that succeeded, whose end is
   * then received (the task that returned that very object: two that returned the same object are
   * both received), or throws when all failed, each failure having been received.
   */
  public static <T> T invokeAny(
      ExecutorService e, Collection<? extends Callable<T>> tasks, int site)
      throws InterruptedException, ExecutionException {
    List<TracedCallable<T>> ws = wrapAll(e, tasks, site);
    if (ws == null) {
      return e.invokeAny(tasks);
    }
    if (scheduledRun) {
      blocking(e);
    }
    try {
      return receivedWinner(e.invokeAny(ws), ws, site);
    } catch (ExecutionException x) {
      receivedEnded(ws, site);
      throw x;
    }
  }

  public static <T> T invokeAny(
      ExecutorService e,
      Collection<? extends Callable<T>> tasks,
      long time,
      TimeUnit unit,
      int site)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<TracedCallable<T>> ws = wrapAll(e, tasks, site);
    if (ws == null) {
      return e.invokeAny(tasks, time, unit);
    }
    if (scheduledRun) {
      blocking(e);
    }
    try {
      return receivedWinner(e.invokeAny(ws, time, unit), ws, site);
    } catch (ExecutionException x) {
      receivedEnded(ws, site);
      throw x;
    }
  }

  private static <T> T receivedWinner(T v, List<TracedCallable<T>> ws, int site) {
    for (TracedCallable<T> w : ws) {
      if (w.returned(v)) {
        received(w, HandoffKind.FUTURE, site);
      }
    }
    return v;
  }

  private static void receivedEnded(List<? extends TracedCallable<?>> ws, int site) {
    for (TracedCallable<?> w : ws) {
      if (w.ended()) {
        received(w, HandoffKind.FUTURE, site);
      }
    }
  }

  /** The tasks wrapped, or null to leave them as they are (nothing records, or a null task). */
  private static <T> List<TracedCallable<T>> wrapAll(
      ExecutorService e, Collection<? extends Callable<T>> tasks, int site) {
    if (!wraps(e, tasks)) {
      return null;
    }
    List<TracedCallable<T>> ws = new ArrayList<>(tasks.size());
    for (Callable<T> c : tasks) {
      if (c == null) {
        return null; // invokeAll throws at once, as without the agent
      }
      ws.add(new TracedCallable<>(c, site, e));
    }
    return ws;
  }

  private static <T> List<Future<T>> receivedAll(
      List<Future<T>> fs, List<TracedCallable<T>> ws, int site) {
    for (int i = 0; i < fs.size() && i < ws.size(); i++) {
      Future<T> f = fs.get(i);
      alias(f, ws.get(i));
      if (f.isDone() && !f.isCancelled()) {
        received(f, HandoffKind.FUTURE, site);
      }
    }
    return fs;
  }

  /**
   * A service that terminated has run every task it was given to its end: each task's end sent on
   * the service, which this receives.
   */
  public static boolean awaitTermination(ExecutorService e, long time, TimeUnit unit, int site)
      throws InterruptedException {
    if (scheduledRun) {
      blocking(e);
    }
    boolean done = e.awaitTermination(time, unit);
    if (done) {
      received(e, HandoffKind.FUTURE, site);
    }
    return done;
  }

  /**
   * {@code ExecutorService.close()} (Java 19+, so the service is taken as an {@code Object}, always
   * {@code AutoCloseable} there): once the service has terminated, as the close waits for, it
   * receives what every task's end sent on it, as {@link #awaitTermination} does.
   */
  public static void close(Object e, int site) throws Exception {
    if (scheduledRun) {
      blocking(e);
    }
    ((AutoCloseable) e).close();
    if (e instanceof ExecutorService s && s.isTerminated()) {
      received(e, HandoffKind.FUTURE, site);
    }
  }

  /**
   * ForkJoinPool's own submits, which return a {@code ForkJoinTask}: the same as a service's (the
   * pool's override returns the task, so the cast holds).
   */
  public static ForkJoinTask<?> submit(ForkJoinPool p, Runnable r, int site) {
    return (ForkJoinTask<?>) submit((ExecutorService) p, r, site);
  }

  public static <T> ForkJoinTask<T> submit(ForkJoinPool p, Runnable r, T result, int site) {
    return (ForkJoinTask<T>) submit((ExecutorService) p, r, result, site);
  }

  public static <T> ForkJoinTask<T> submit(ForkJoinPool p, Callable<T> c, int site) {
    return (ForkJoinTask<T>) submit((ExecutorService) p, c, site);
  }

  public static <T> CompletableFuture<T> supplyAsync(Supplier<T> s, int site) {
    if (!recording() || s == null) {
      return CompletableFuture.supplyAsync(s);
    }
    TracedSupplier<T> w = new TracedSupplier<>(s, site, null, null);
    CompletableFuture<T> f = CompletableFuture.supplyAsync(w);
    alias(f, w);
    return f;
  }

  public static <T> CompletableFuture<T> supplyAsync(Supplier<T> s, Executor e, int site) {
    if (!recording() || s == null) {
      return CompletableFuture.supplyAsync(s, e);
    }
    TracedSupplier<T> w = new TracedSupplier<>(s, site, service(e), null);
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
    TracedRunnable w = new TracedRunnable(r, site, service(e));
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

  /**
   * A cancellation completes the future (a wait on it throws), so it sends as a completion does;
   * one that cannot take effect, the future being done already, sends nothing.
   */
  public static boolean cancel(Future<?> f, boolean interrupt, int site) {
    completing(f, site);
    return f.cancel(interrupt);
  }

  /** {@code obtrudeValue}: completes the future, done or not. */
  public static <T> void obtrudeValue(CompletableFuture<T> f, T value, int site) {
    sent(f, HandoffKind.FUTURE, site);
    f.obtrudeValue(value);
  }

  public static void obtrudeException(CompletableFuture<?> f, Throwable x, int site) {
    sent(f, HandoffKind.FUTURE, site);
    f.obtrudeException(x);
  }

  private static void completing(Future<?> f, int site) {
    if (!f.isDone()) {
      sent(f, HandoffKind.FUTURE, site);
    }
  }

  /**
   * A future seen done has handed over its task's end, as a {@code get} would: a program may poll
   * {@code isDone} and then read what the task wrote. (Seen cancelled, nothing was sent.)
   */
  public static boolean isDone(Future<?> f, int site) {
    boolean done = f.isDone();
    if (done) {
      received(f, HandoffKind.FUTURE, site);
    }
    return done;
  }

  /** {@code Future.resultNow()} (Java 19+, so the future is taken as an {@code Object}). */
  public static Object resultNow(Object f, int site) throws Throwable {
    Object v = (Object) Java19.RESULT_NOW.invokeExact(f);
    received(f, HandoffKind.FUTURE, site);
    return v;
  }

  /** {@code Future.exceptionNow()} (Java 19+): the task ended by this exception. */
  public static Throwable exceptionNow(Object f, int site) throws Throwable {
    Throwable x = (Throwable) Java19.EXCEPTION_NOW.invokeExact(f);
    received(f, HandoffKind.FUTURE, site);
    return x;
  }

  /** Future's methods of Java 19, found when first used (the hooks are built for Java 17). */
  private static final class Java19 {
    static final MethodHandle RESULT_NOW;
    static final MethodHandle EXCEPTION_NOW;

    static {
      try {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        RESULT_NOW =
            lookup
                .findVirtual(Future.class, "resultNow", MethodType.methodType(Object.class))
                .asType(MethodType.methodType(Object.class, Object.class));
        EXCEPTION_NOW =
            lookup
                .findVirtual(Future.class, "exceptionNow", MethodType.methodType(Throwable.class))
                .asType(MethodType.methodType(Throwable.class, Object.class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
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
    } catch (ExecutionException | CancellationException x) {
      received(f, HandoffKind.FUTURE, site); // the task ended by an exception, or was cancelled
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
    } catch (ExecutionException | CancellationException x) {
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
    } catch (CompletionException | CancellationException x) {
      received(f, HandoffKind.FUTURE, site); // completed exceptionally, or cancelled
      throw x;
    }
  }
}
