package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.HandoffHooks.received;
import static io.hbtrace.agent.bridge.Hooks.blocking;
import static io.hbtrace.agent.bridge.Hooks.enter;
import static io.hbtrace.agent.bridge.Hooks.fail;
import static io.hbtrace.agent.bridge.Hooks.scheduledRun;
import static io.hbtrace.agent.bridge.Hooks.waitEdge;

import io.hbtrace.agent.bridge.Hooks.Guard;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Hooks for the locks of {@code java.util.concurrent.locks}: {@code Lock} (lock, tryLock, unlock),
 * the views of a {@code ReadWriteLock}, and {@code Condition} (await, signal). The rules in {@link
 * Hooks}' comment hold here too.
 */
public final class LockHooks {

  private LockHooks() {}

  static void acquired(Object lock, int site) {
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

  static void releasing(Object lock, int site) {
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

  /**
   * Before an acquire in a scheduled run: whether to attempt it (false: a {@code tryLock} that
   * failed here when recorded; see {@link HookSink#beforeAcquire}).
   */
  static boolean acquiring(Object lock, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return true;
    }
    try {
      return s.beforeAcquire(lock, site);
    } catch (Throwable t) {
      fail(s, t);
      return true;
    } finally {
      g.sink = null;
    }
  }

  public static void lock(Lock l, int site) {
    if (scheduledRun) {
      acquiring(l, site);
    }
    int held = l instanceof ReentrantLock r ? r.getHoldCount() : -1;
    try {
      l.lock();
    } catch (StackOverflowError e) {
      giveBack(l, held);
      throw e;
    }
    try {
      acquired(l, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: a hook that cannot even be called loses its event, not the lock
    }
  }

  /**
   * After a {@code StackOverflowError} out of {@code lock()}: the JVM delays one that strikes
   * inside the JDK's lock code until that code returns, holding the lock. Called straight from the
   * program, that return is inlined into the caller's critical section and the error comes after
   * it; through this hook it comes with the lock held and no {@code finally} yet to release it, so
   * a {@code ReentrantLock} taken that way ({@code held}: its hold count before) is given back, as
   * if the error had struck first.
   */
  private static void giveBack(Lock l, int held) {
    if (held >= 0 && ((ReentrantLock) l).getHoldCount() > held) {
      l.unlock();
    }
  }

  public static void lockInterruptibly(Lock l, int site) throws InterruptedException {
    if (scheduledRun) {
      acquiring(l, site);
    }
    l.lockInterruptibly();
    try {
      acquired(l, site);
    } catch (StackOverflowError | OutOfMemoryError e) {
      // caught in this frame: a hook that cannot even be called loses its event, not the lock
    }
  }

  public static boolean tryLock(Lock l, int site) {
    if (scheduledRun && !acquiring(l, site)) {
      return false; // a replay's recorded try failed here
    }
    boolean ok = l.tryLock();
    if (ok) {
      try {
        acquired(l, site);
      } catch (StackOverflowError | OutOfMemoryError e) {
        // caught in this frame: a hook that cannot even be called loses its event, not the lock
      }
    }
    return ok;
  }

  public static boolean tryLock(Lock l, long time, TimeUnit unit, int site)
      throws InterruptedException {
    if (scheduledRun && !acquiring(l, site)) {
      return false;
    }
    boolean ok = l.tryLock(time, unit);
    if (ok) {
      try {
        acquired(l, site);
      } catch (StackOverflowError | OutOfMemoryError e) {
        // caught in this frame: a hook that cannot even be called loses its event, not the lock
      }
    }
    return ok;
  }

  /**
   * An unlock by a thread that does not hold the lock throws and releases nothing: where the lock
   * can tell (a {@code ReentrantLock}, a read-write lock's write view), it is not recorded.
   */
  public static void unlock(Lock l, int site) {
    if (!(l instanceof ReentrantLock r && !r.isHeldByCurrentThread())
        && !(l instanceof ReentrantReadWriteLock.WriteLock w && !w.isHeldByCurrentThread())) {
      try {
        releasing(l, site);
      } catch (StackOverflowError | OutOfMemoryError e) {
        // not even the hook could be called: the release goes unrecorded, but it happens
      }
    }
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

  /**
   * Whether the thread holds the lock {@code c} belongs to, where the lock can tell (an AQS
   * condition); an await or signal without it throws, releasing and sending nothing.
   */
  private static boolean held(Condition c, Object owner) {
    if (owner instanceof AbstractQueuedSynchronizer aqs
        && c instanceof AbstractQueuedSynchronizer.ConditionObject co) {
      try {
        aqs.hasWaiters(co); // throws unless the condition's lock is held exclusively
      } catch (IllegalMonitorStateException | IllegalArgumentException e) {
        return false;
      }
    }
    return true;
  }

  /** {@code NO_WAIT}: the await throws at once (interrupted, lock not held); nothing recorded. */
  private static final Object NO_WAIT = new Object();

  /**
   * Before an await: records the release of its lock (unless the await will throw at once) and, in
   * a scheduled run, announces the wait. Returns the lock (null if unknown), or {@link #NO_WAIT}.
   */
  private static Object awaiting(Condition c, boolean interruptible, int site) {
    Object owner = awaitReleasing(c, interruptible, site);
    if (scheduledRun && owner != NO_WAIT) {
      blocking(c);
    }
    return owner;
  }

  private static Object awaitReleasing(Condition c, boolean interruptible, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return null;
    }
    try {
      Object owner = s.conditionOwner(c);
      if ((interruptible && Thread.currentThread().isInterrupted()) || !held(c, owner)) {
        return NO_WAIT;
      }
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
    if (owner == NO_WAIT) {
      return;
    }
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
    Object owner = awaiting(c, true, site);
    try {
      c.await();
    } finally {
      afterAwait(c, owner, site);
    }
  }

  public static void awaitUninterruptibly(Condition c, int site) {
    Object owner = awaiting(c, false, site);
    try {
      c.awaitUninterruptibly();
    } finally {
      afterAwait(c, owner, site);
    }
  }

  public static boolean await(Condition c, long time, TimeUnit unit, int site)
      throws InterruptedException {
    Object owner = awaiting(c, true, site);
    try {
      return c.await(time, unit);
    } finally {
      afterAwait(c, owner, site);
    }
  }

  public static long awaitNanos(Condition c, long nanos, int site) throws InterruptedException {
    Object owner = awaiting(c, true, site);
    try {
      return c.awaitNanos(nanos);
    } finally {
      afterAwait(c, owner, site);
    }
  }

  public static boolean awaitUntil(Condition c, Date deadline, int site)
      throws InterruptedException {
    Object owner = awaiting(c, true, site);
    try {
      return c.awaitUntil(deadline);
    } finally {
      afterAwait(c, owner, site);
    }
  }

  /** A signal by a thread that does not hold the condition's lock throws, and sends nothing. */
  public static void signal(Condition c, int site) {
    signalling(c, site);
    c.signal();
  }

  public static void signalAll(Condition c, int site) {
    signalling(c, site);
    c.signalAll();
  }

  private static void signalling(Condition c, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      if (held(c, s.conditionOwner(c))) {
        s.handoffSend(c, HandoffKind.NOTIFY, site);
      }
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }
}
