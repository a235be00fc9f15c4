package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.HandoffHooks.received;
import static io.hbtrace.agent.bridge.HandoffHooks.sent;
import static io.hbtrace.agent.bridge.Hooks.blocking;
import static io.hbtrace.agent.bridge.Hooks.enter;
import static io.hbtrace.agent.bridge.Hooks.fail;
import static io.hbtrace.agent.bridge.Hooks.scheduledRun;
import static io.hbtrace.agent.bridge.Hooks.waitEdge;

import io.hbtrace.agent.bridge.Hooks.Guard;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * Hooks for the locks of {@code java.util.concurrent.locks}: {@code Lock} (lock, tryLock, unlock),
 * the views of a {@code ReadWriteLock}, and {@code Condition} (await, signal). The rules in {@link
 * Hooks}' comment hold here too.
 */
public final class LockHooks {

  private LockHooks() {}

  private static void acquired(Object lock, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.lockAcquire(lock, site);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  private static void releasing(Object lock, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.lockRelease(lock, site);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  private static void acquiring(Object lock, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.beforeAcquire(lock, site);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  public static void lock(Lock l, int site) {
    if (scheduledRun) {
      acquiring(l, site);
    }
    l.lock();
    acquired(l, site);
  }

  public static void lockInterruptibly(Lock l, int site) throws InterruptedException {
    if (scheduledRun) {
      acquiring(l, site);
    }
    l.lockInterruptibly();
    acquired(l, site);
  }

  public static boolean tryLock(Lock l, int site) {
    if (scheduledRun) {
      acquiring(l, site);
    }
    boolean ok = l.tryLock();
    if (ok) {
      acquired(l, site);
    }
    return ok;
  }

  public static boolean tryLock(Lock l, long time, TimeUnit unit, int site)
      throws InterruptedException {
    if (scheduledRun) {
      acquiring(l, site);
    }
    boolean ok = l.tryLock(time, unit);
    if (ok) {
      acquired(l, site);
    }
    return ok;
  }

  public static void unlock(Lock l, int site) {
    releasing(l, site);
    l.unlock();
  }

  public static Lock readLock(ReadWriteLock rwl, int site) {
    Lock view = rwl.readLock();
    lockView(view, rwl, true);
    return view;
  }

  public static Lock writeLock(ReadWriteLock rwl, int site) {
    Lock view = rwl.writeLock();
    lockView(view, rwl, false);
    return view;
  }

  private static void lockView(Object view, Object rwl, boolean shared) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.lockView(view, rwl, shared);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  // Condition.await releases the owning lock and re-acquires it before returning (or throwing).

  private static Object beforeAwait(Condition c, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return null;
    }
    try {
      Object owner = s.conditionOwner(c);
      if (owner != null) {
        s.waitRelease(owner, false, site);
      }
      return owner;
    } catch (Throwable t) {
      fail(s, t);
      return null;
    } finally {
      g.sink = null;
    }
  }

  private static void afterAwait(Condition c, Object owner, int site) {
    if (scheduledRun && owner instanceof AbstractQueuedSynchronizer && retake(c, owner, site)) {
      return;
    }
    received(c, HandoffKind.NOTIFY, site);
    if (owner != null) {
      waitEdge(owner, false, false, site);
    }
  }

  /**
   * In a scheduled run, the wait took its lock back as soon as it was woken, ahead of the thread's
   * turn: it gives the lock back and takes it again in turn, as a waiter slow to wake would.
   */
  private static boolean retake(Condition c, Object owner, int site) {
    AbstractQueuedSynchronizer sync = (AbstractQueuedSynchronizer) owner;
    try {
      sync.release(1);
    } catch (RuntimeException e) {
      return false;
    }
    received(c, HandoffKind.NOTIFY, site);
    acquiring(sync, site);
    sync.acquire(1);
    acquired(sync, site);
    return true;
  }

  public static void await(Condition c, int site) throws InterruptedException {
    Object owner = beforeAwait(c, site);
    try {
      if (scheduledRun) {
        blocking(c);
      }
      c.await();
    } finally {
      afterAwait(c, owner, site);
    }
  }

  public static void awaitUninterruptibly(Condition c, int site) {
    Object owner = beforeAwait(c, site);
    try {
      if (scheduledRun) {
        blocking(c);
      }
      c.awaitUninterruptibly();
    } finally {
      afterAwait(c, owner, site);
    }
  }

  public static boolean await(Condition c, long time, TimeUnit unit, int site)
      throws InterruptedException {
    Object owner = beforeAwait(c, site);
    try {
      if (scheduledRun) {
        blocking(c);
      }
      return c.await(time, unit);
    } finally {
      afterAwait(c, owner, site);
    }
  }

  public static long awaitNanos(Condition c, long nanos, int site) throws InterruptedException {
    Object owner = beforeAwait(c, site);
    try {
      if (scheduledRun) {
        blocking(c);
      }
      return c.awaitNanos(nanos);
    } finally {
      afterAwait(c, owner, site);
    }
  }

  public static void signal(Condition c, int site) {
    sent(c, HandoffKind.NOTIFY, site);
    c.signal();
  }

  public static void signalAll(Condition c, int site) {
    sent(c, HandoffKind.NOTIFY, site);
    c.signalAll();
  }
}
