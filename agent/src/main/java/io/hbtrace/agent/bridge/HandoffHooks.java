package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.Hooks.blocking;
import static io.hbtrace.agent.bridge.Hooks.enter;
import static io.hbtrace.agent.bridge.Hooks.fail;
import static io.hbtrace.agent.bridge.Hooks.scheduledRun;
import static io.hbtrace.agent.bridge.Hooks.sink;

import io.hbtrace.agent.bridge.Hooks.Guard;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hand-offs between threads: the send and receive events every hand-off is recorded as ({@link
 * #sent}, {@link #received}; a {@link HandoffKind} says which: tasks, futures, notifications,
 * latches, park/unpark), and the hooks of {@code CountDownLatch} and {@code BlockingQueue}. The
 * rules in {@link Hooks}' comment hold here too.
 */
public final class HandoffHooks {

  private HandoffHooks() {}

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

  /** From now on {@code alias} (a future) is the channel of {@code target} (its task's wrapper). */
  static void alias(Object alias, Object target) {
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
}
