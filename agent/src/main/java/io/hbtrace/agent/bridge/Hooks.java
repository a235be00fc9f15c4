package io.hbtrace.agent.bridge;

/**
 * The facade instrumented code calls: one static call per hooked operation, forwarding to a {@link
 * HookSink} (none by default, so every hook is a no-op until the recorder installs itself). This
 * class holds the sink, the per-thread re-entrancy guard ({@link #enter}, {@link #fail}), the
 * announcement of a blocking operation in a scheduled run ({@link #blocking}) and the tracepoint
 * hooks; the hooks of each other concern are in a class of its own beside it: {@link MonitorHooks},
 * {@link LockHooks}, {@link ThreadHooks}, {@link ExecutorHooks}, {@link HandoffHooks}, {@link
 * StageHooks}, {@link BothStageHooks}, {@link CollectionHooks}, {@link FieldHooks} and the others
 * named {@code *Hooks} (and {@link AtomicHooks}, which stands in for calls on atomics).
 *
 * <p>Rules, for every method here and in those classes (which refer to these): it depends on {@code
 * java.base} only (the bridge sits on the bootstrap class path, visible to every class loader); it
 * never throws into the program (a sink failure is swallowed and counted); it never records while
 * the same thread is already inside the sink (re-entrancy guard). Methods that stand in for a call
 * ({@link LockHooks#lock}, {@link ExecutorHooks#submit}, ...) perform that call exactly once,
 * outside any try block, so its result and exceptions reach the program unchanged. Release-type
 * events are recorded before the operation, acquire-type after.
 *
 * <p>No lambdas and no string concatenation in any of them: both bootstrap through {@code
 * invokedynamic}, which the bridge must not depend on.
 */
public final class Hooks {

  /** The installed sink, or null; set only by {@link #install} and {@link #uninstall}. */
  static volatile HookSink sink;

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
    Guard g;
    try {
      g = GUARD.get(); // a thread's first: allocates, which may fail (no memory, a full stack)
    } catch (Throwable t) {
      return null;
    }
    if (g.sink != null) {
      return null;
    }
    g.sink = s;
    return g;
  }

  /** A wait's release of {@code lock} ({@code release}) or its re-acquire of it. */
  static void waitEdge(Object lock, boolean monitor, boolean release, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      if (release) {
        s.waitRelease(lock, monitor, site);
      } else {
        s.waitReacquire(lock, monitor, site);
      }
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  /**
   * Reports a hook's failure; a {@code ThreadDeath} ({@code Thread.stop}, up to Java 19) is the
   * program's own and goes on to it. (Named by its class's name: later JDKs remove the class.)
   */
  static void fail(HookSink s, Throwable t) {
    try {
      s.failed(t);
    } catch (Throwable ignored) {
      // nothing more can be done without risking the program
    }
    if (t.getClass().getName().equals("java.lang.ThreadDeath")) {
      throw (Error) t;
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

  // ---- tracepoints

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
