package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.HandoffHooks.received;
import static io.hbtrace.agent.bridge.HandoffHooks.sent;
import static io.hbtrace.agent.bridge.Hooks.blocking;
import static io.hbtrace.agent.bridge.Hooks.enter;
import static io.hbtrace.agent.bridge.Hooks.fail;
import static io.hbtrace.agent.bridge.Hooks.scheduledRun;

import io.hbtrace.agent.bridge.Hooks.Guard;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.locks.LockSupport;

/**
 * Hooks for threads: {@code Thread.start} and {@code join}, and {@code LockSupport} park/unpark (a
 * hand-off from the unparking thread to the thread it wakes). The rules in {@link Hooks}' comment
 * hold here too.
 */
public final class ThreadHooks {

  private ThreadHooks() {}

  /** A thread started a second time throws, and starts nothing: it is not recorded again. */
  public static void start(Thread t, int site) {
    Guard g = t.getState() == Thread.State.NEW ? enter() : null;
    HookSink s = g == null ? null : g.sink;
    if (s != null) {
      try {
        s.threadStart(t, site);
      } catch (Throwable e) {
        fail(s, e);
      } finally {
        g.sink = null;
      }
    }
    t.start();
  }

  /**
   * {@code builder.start(task)} of a Java 21 {@code Thread.Builder}: the same as {@code
   * builder.unstarted(task)} and then {@code start()}, which is recorded. (The hooks are built for
   * Java 17, which has no such type: it is reached through its interface, reflectively.)
   */
  public static Thread start(Object builder, Runnable task, int site) throws Throwable {
    Thread t = (Thread) Java21.UNSTARTED.invoke(builder, task);
    start(t, site);
    return t;
  }

  /** {@code Thread.startVirtualThread(task)}: an unnamed virtual thread, started (recorded). */
  public static Thread startVirtual(Runnable task, int site) throws Throwable {
    return start(Java21.OF_VIRTUAL.invoke(), task, site);
  }

  /** Java 21's thread builders, looked up on first use (never on an older JVM). */
  private static final class Java21 {
    static final MethodHandle UNSTARTED;
    static final MethodHandle OF_VIRTUAL;

    static {
      try {
        Class<?> builder = Class.forName("java.lang.Thread$Builder");
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        UNSTARTED =
            lookup
                .findVirtual(
                    builder, "unstarted", MethodType.methodType(Thread.class, Runnable.class))
                .asType(MethodType.methodType(Thread.class, Object.class, Runnable.class));
        OF_VIRTUAL =
            lookup
                .findStatic(
                    Thread.class,
                    "ofVirtual",
                    MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")))
                .asType(MethodType.methodType(Object.class));
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }
  }

  private static void joined(Thread t, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.threadJoin(t, site);
    } catch (Throwable e) {
      fail(s, e);
    } finally {
      g.sink = null;
    }
  }

  public static void join(Thread t, int site) throws InterruptedException {
    if (scheduledRun) {
      blocking(t);
    }
    t.join();
    joined(t, site);
  }

  /** A timed join is a join only if the thread has terminated. */
  public static void join(Thread t, long millis, int site) throws InterruptedException {
    if (scheduledRun) {
      blocking(t);
    }
    t.join(millis);
    if (!t.isAlive()) {
      joined(t, site);
    }
  }

  public static void join(Thread t, long millis, int nanos, int site) throws InterruptedException {
    if (scheduledRun) {
      blocking(t);
    }
    t.join(millis, nanos);
    if (!t.isAlive()) {
      joined(t, site);
    }
  }

  // ---- LockSupport

  public static void unpark(Thread t, int site) {
    if (t != null) {
      sent(t, HandoffKind.PARK, site);
    }
    LockSupport.unpark(t);
  }

  public static void park(int site) {
    if (scheduledRun) {
      blocking(Thread.currentThread());
    }
    LockSupport.park();
    received(Thread.currentThread(), HandoffKind.PARK, site);
  }

  public static void park(Object blocker, int site) {
    if (scheduledRun) {
      blocking(Thread.currentThread());
    }
    LockSupport.park(blocker);
    received(Thread.currentThread(), HandoffKind.PARK, site);
  }

  public static void parkNanos(long nanos, int site) {
    LockSupport.parkNanos(nanos);
    received(Thread.currentThread(), HandoffKind.PARK, site);
  }

  public static void parkNanos(Object blocker, long nanos, int site) {
    LockSupport.parkNanos(blocker, nanos);
    received(Thread.currentThread(), HandoffKind.PARK, site);
  }

  public static void parkUntil(long deadline, int site) {
    LockSupport.parkUntil(deadline);
    received(Thread.currentThread(), HandoffKind.PARK, site);
  }

  public static void parkUntil(Object blocker, long deadline, int site) {
    LockSupport.parkUntil(blocker, deadline);
    received(Thread.currentThread(), HandoffKind.PARK, site);
  }
}
