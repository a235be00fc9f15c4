package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.HandoffHooks.received;
import static io.hbtrace.agent.bridge.HandoffHooks.sent;
import static io.hbtrace.agent.bridge.Hooks.blocking;
import static io.hbtrace.agent.bridge.Hooks.enter;
import static io.hbtrace.agent.bridge.Hooks.fail;
import static io.hbtrace.agent.bridge.Hooks.scheduledRun;
import static io.hbtrace.agent.bridge.Hooks.waitEdge;

import io.hbtrace.agent.bridge.Hooks.Guard;

/**
 * Hooks for monitors: {@code synchronized} blocks and methods, and {@code Object.wait/notify}. The
 * rules in {@link Hooks}' comment hold here too.
 */
public final class MonitorHooks {

  private MonitorHooks() {}

  /**
   * Before MONITORENTER of a {@code synchronized} block (instrumented in scheduled runs only): the
   * block is entered in its turn.
   */
  public static void entering(Object monitor, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.beforeMonitorEnter(monitor, site);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  /** After MONITORENTER, or at entry of a synchronized method. */
  public static void monitorEnter(Object monitor, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.monitorEnter(monitor, site);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  /** Before MONITOREXIT, or at any exit of a synchronized method. */
  public static void monitorExit(Object monitor, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.monitorExit(monitor, site);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  /** Stands in for {@code o.wait()}: the monitor is released and re-acquired around it. */
  public static void objectWait(Object o, int site) throws InterruptedException {
    if (!waits(o)) {
      o.wait();
      return;
    }
    waitEdge(o, true, true, site);
    try {
      if (scheduledRun) {
        blocking(o);
      }
      o.wait();
    } finally {
      waited(o, site);
    }
  }

  public static void objectWait(Object o, long millis, int site) throws InterruptedException {
    if (!waits(o)) {
      o.wait(millis);
      return;
    }
    waitEdge(o, true, true, site);
    try {
      if (scheduledRun) {
        blocking(o);
      }
      o.wait(millis);
    } finally {
      waited(o, site);
    }
  }

  public static void objectWait(Object o, long millis, int nanos, int site)
      throws InterruptedException {
    if (!waits(o)) {
      o.wait(millis, nanos);
      return;
    }
    waitEdge(o, true, true, site);
    try {
      if (scheduledRun) {
        blocking(o);
      }
      o.wait(millis, nanos);
    } finally {
      waited(o, site);
    }
  }

  /**
   * Whether a wait on {@code o} will wait: one whose thread does not hold the monitor, or was
   * interrupted already, throws at once, releasing nothing and receiving nothing, and is not
   * recorded.
   */
  private static boolean waits(Object o) {
    return Thread.holdsLock(o) && !Thread.currentThread().isInterrupted();
  }

  private static void waited(Object o, int site) {
    received(o, HandoffKind.NOTIFY, site);
    waitEdge(o, true, false, site);
  }

  /** A notify by a thread that does not hold the monitor throws, and sends nothing. */
  public static void objectNotify(Object o, int site) {
    if (Thread.holdsLock(o)) {
      sent(o, HandoffKind.NOTIFY, site);
    }
    o.notify();
  }

  public static void objectNotifyAll(Object o, int site) {
    if (Thread.holdsLock(o)) {
      sent(o, HandoffKind.NOTIFY, site);
    }
    o.notifyAll();
  }
}
