package io.hbtrace.agent.bridge;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The facade instrumented code calls: one static call per hooked operation, forwarding to a {@link
 * HookSink} (none by default, so every hook is a no-op until the recorder installs itself). This
 * class holds the sink, the per-thread re-entrancy guard ({@link #enter}, {@link #fail}) and the
 * hooks not of one concern; the others are in classes of their own beside it: {@link MonitorHooks},
 * {@link LockHooks}, {@link ThreadHooks}, {@link FieldHooks} (and {@link AtomicHooks}, which stands
 * in for calls on atomics).
 *
 * <p>Rules, for every method here and in those classes (which refer to these): it depends on {@code
 * java.base} only (the bridge sits on the bootstrap class path, visible to every class loader); it
 * never throws into the program (a sink failure is swallowed and counted); it never records while
 * the same thread is already inside the sink (re-entrancy guard). Methods that stand in for a call
 * ({@link LockHooks#lock}, {@link #submit}, ...) perform that call exactly once, outside any try
 * block, so its result and exceptions reach the program unchanged. Release-type events are recorded
 * before the operation, acquire-type after.
 *
 * <p>No lambdas and no string concatenation in any of them: both bootstrap through {@code
 * invokedynamic}, which the bridge must not depend on.
 */
public final class Hooks {

  private static volatile HookSink sink;

  /**
   * Whether this is a scheduled run (replay, explore): lock acquires and blocking operations are
   * then announced to the sink before they are attempted.
   */
  static volatile boolean scheduledRun;

  /** Per-thread re-entrancy guard; holds the sink for the duration of one hook. */
  static final class Guard {
    HookSink sink;
  }

  private static final ThreadLocal<Guard> GUARD =
      new ThreadLocal<Guard>() {
        @Override
        protected Guard initialValue() {
          return new Guard();
        }
      };

  private Hooks() {}

  /** Installs the sink; false if one is installed already (a second agent start). */
  public static synchronized boolean install(HookSink s) {
    if (sink != null) {
      return false;
    }
    sink = s;
    return true;
  }

  /** Removes the sink (tests; and the recorder at shutdown, after its final flush). */
  public static synchronized void uninstall() {
    sink = null;
  }

  public static boolean installed() {
    return sink != null;
  }

  /**
   * Makes lock acquires and blocking operations announced to the sink before they are attempted (a
   * scheduled run decides then whether the thread may go, or lets others go); off by default, when
   * such an operation costs one volatile read more.
   */
  public static void scheduledRun(boolean on) {
    scheduledRun = on;
  }

  // ---- guard -----------------------------------------------------------------------------------

  /**
   * This thread's guard, now holding the sink; null if no sink is installed or this thread is
   * already inside a hook. The caller clears {@code guard.sink} when done.
   */
  static Guard enter() {
    HookSink s = sink;
    if (s == null) {
      return null;
    }
    Guard g = GUARD.get();
    if (g.sink != null) {
      return null;
    }
    g.sink = s;
    return g;
  }

  static void fail(HookSink s, Throwable t) {
    try {
      s.failed(t);
    } catch (Throwable ignored) {
      // nothing more can be done without risking the program
    }
  }

  /**
   * Announces a blocking operation to the sink before it is attempted (the hooks call it in a
   * scheduled run only; see {@link #scheduledRun}).
   */
  static void blocking(Object on) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.beforeBlocking(on);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
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

  // ---- hand-offs
  // ---------------------------------------------------------------------------------

  static void sent(Object channel, int how, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.handoffSend(channel, how, site);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  static void received(Object channel, int how, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.handoffReceive(channel, how, site);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

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

  public static void execute(Executor e, Runnable r, int site) {
    if (!recording() || r == null) {
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
    if (!recording() || r == null) {
      return e.submit(r);
    }
    TracedRunnable w = new TracedRunnable(r, site);
    Future<?> f = e.submit(w);
    alias(f, w);
    return f;
  }

  public static <T> Future<T> submit(ExecutorService e, Runnable r, T result, int site) {
    if (!recording() || r == null) {
      return e.submit(r, result);
    }
    TracedRunnable w = new TracedRunnable(r, site);
    Future<T> f = e.submit(w, result);
    alias(f, w);
    return f;
  }

  public static <T> Future<T> submit(ExecutorService e, Callable<T> c, int site) {
    if (!recording() || c == null) {
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

  public static <T> boolean complete(CompletableFuture<T> f, T value, int site) {
    sent(f, HandoffKind.FUTURE, site);
    return f.complete(value);
  }

  public static <T> T get(Future<T> f, int site) throws InterruptedException, ExecutionException {
    if (scheduledRun) {
      blocking(f);
    }
    T v = f.get();
    received(f, HandoffKind.FUTURE, site);
    return v;
  }

  public static <T> T get(Future<T> f, long time, TimeUnit unit, int site)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (scheduledRun) {
      blocking(f);
    }
    T v = f.get(time, unit);
    received(f, HandoffKind.FUTURE, site);
    return v;
  }

  public static <T> T join(CompletableFuture<T> f, int site) {
    if (scheduledRun) {
      blocking(f);
    }
    T v = f.join();
    received(f, HandoffKind.FUTURE, site);
    return v;
  }

  public static void countDown(CountDownLatch l, int site) {
    sent(l, HandoffKind.LATCH, site);
    l.countDown();
  }

  public static void await(CountDownLatch l, int site) throws InterruptedException {
    if (scheduledRun) {
      blocking(l);
    }
    l.await();
    received(l, HandoffKind.LATCH, site);
  }

  public static boolean await(CountDownLatch l, long time, TimeUnit unit, int site)
      throws InterruptedException {
    if (scheduledRun) {
      blocking(l);
    }
    boolean ok = l.await(time, unit);
    if (ok) {
      received(l, HandoffKind.LATCH, site);
    }
    return ok;
  }

  private static final Object[] ORDER_LOCKS = new Object[64];

  static {
    for (int i = 0; i < ORDER_LOCKS.length; i++) {
      ORDER_LOCKS[i] = new Object();
    }
  }

  /**
   * The lock that makes an operation on {@code o} and its event one step, so that the trace orders
   * such operations as they happened (elements queued by two threads at once are recorded in the
   * order they entered the queue); null when not recording, or in a scheduled run, whose turns
   * already make it one step.
   */
  static Object orderLock(Object o) {
    if (sink == null || scheduledRun) {
      return null;
    }
    return ORDER_LOCKS[(System.identityHashCode(o) >>> 4) & (ORDER_LOCKS.length - 1)];
  }

  // A blocking queue hands its elements over: the thread that takes element X synchronizes with the
  // thread that queued X (channel: X's identity; recorded as EXECUTOR, "work queued/run").

  public static boolean add(BlockingQueue<Object> q, Object e, int site) {
    Object order = orderLock(q);
    if (order == null) {
      queued(e, site);
      return q.add(e);
    }
    synchronized (order) {
      queued(e, site);
      return q.add(e);
    }
  }

  public static boolean offer(BlockingQueue<Object> q, Object e, int site) {
    Object order = orderLock(q);
    if (order == null) {
      queued(e, site);
      return q.offer(e);
    }
    synchronized (order) {
      queued(e, site);
      return q.offer(e);
    }
  }

  public static boolean offer(BlockingQueue<Object> q, Object e, long time, TimeUnit unit, int site)
      throws InterruptedException {
    queued(e, site);
    if (scheduledRun) {
      blocking(q);
    }
    return q.offer(e, time, unit);
  }

  public static void put(BlockingQueue<Object> q, Object e, int site) throws InterruptedException {
    queued(e, site);
    if (scheduledRun) {
      blocking(q);
    }
    q.put(e);
  }

  public static Object take(BlockingQueue<?> q, int site) throws InterruptedException {
    if (scheduledRun) {
      blocking(q);
    }
    Object v = q.take();
    taken(v, site);
    return v;
  }

  public static Object poll(BlockingQueue<?> q, int site) {
    Object v = q.poll();
    taken(v, site);
    return v;
  }

  public static Object poll(BlockingQueue<?> q, long time, TimeUnit unit, int site)
      throws InterruptedException {
    if (scheduledRun) {
      blocking(q);
    }
    Object v = q.poll(time, unit);
    taken(v, site);
    return v;
  }

  private static void queued(Object e, int site) {
    if (e != null) {
      sent(e, HandoffKind.EXECUTOR, site);
    }
  }

  private static void taken(Object v, int site) {
    if (v != null) {
      received(v, HandoffKind.EXECUTOR, site);
    }
  }

  // ---- tracepoints
  // -------------------------------------------------------------------------------

  /**
   * One tracepoint event, its fields already captured and converted by the code the agent generated
   * into the traced method (fields beyond the kind's arity are 0).
   */
  public static void event(
      int kind, int site, long f0, long f1, long f2, long f3, long f4, long f5) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.event(kind, site, f0, f1, f2, f3, f4, f5);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  /**
   * A captured reference whose conversion is decided at run time: an enum's ordinal, a JDK number's
   * value, else the object's identity; 0 for null.
   */
  public static long value(Object v) {
    if (v == null) {
      return 0;
    }
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return 0;
    }
    try {
      return s.value(v);
    } catch (Throwable t) {
      fail(s, t);
      return 0;
    } finally {
      g.sink = null;
    }
  }

  /**
   * The rest of a capture's field chain from {@code base}, read reflectively: for hops the agent
   * could not resolve (or may not access) when it generated the traced method's code.
   */
  public static long capture(Object base, int chain) {
    if (base == null) {
      return 0;
    }
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return 0;
    }
    try {
      return s.capture(base, chain);
    } catch (Throwable t) {
      fail(s, t);
      return 0;
    } finally {
      g.sink = null;
    }
  }
}
