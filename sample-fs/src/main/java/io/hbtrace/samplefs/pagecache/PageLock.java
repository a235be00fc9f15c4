package io.hbtrace.samplefs.pagecache;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * PG_locked: a non-reentrant mutex with no owner, built on {@link AbstractQueuedSynchronizer}.
 *
 * <p>Unlike {@link java.util.concurrent.locks.ReentrantLock}, any thread may release it: the thread
 * that locks a page for a read is not the one that unlocks it — {@code mpage_end_io} does, in the
 * completion of the read bio.
 */
public final class PageLock implements Lock {
  private static final class Sync extends AbstractQueuedSynchronizer {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean tryAcquire(int ignored) {
      return compareAndSetState(0, 1);
    }

    @Override
    protected boolean tryRelease(int ignored) {
      if (getState() == 0) {
        throw new IllegalMonitorStateException("page not locked");
      }
      setState(0);
      return true;
    }

    @Override
    protected boolean isHeldExclusively() {
      return getState() == 1;
    }
  }

  private final Sync sync = new Sync();

  /**
   * PG_locked as {@code PageLocked()} reads it, without the lock: set once the lock is taken,
   * cleared just before it is released.
   */
  private volatile boolean locked;

  @Override
  public void lock() {
    sync.acquire(1);
    locked = true;
  }

  @Override
  public void lockInterruptibly() throws InterruptedException {
    sync.acquireInterruptibly(1);
    locked = true;
  }

  @Override
  public boolean tryLock() {
    return sync.tryAcquire(1) && (locked = true);
  }

  @Override
  public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
    return sync.tryAcquireNanos(1, unit.toNanos(time)) && (locked = true);
  }

  @Override
  public void unlock() {
    if (!sync.isHeldExclusively()) {
      throw new IllegalMonitorStateException("page not locked");
    }
    locked = false;
    sync.release(1);
  }

  /** Not supported: pages are waited on through their wait queue, not a condition. */
  @Override
  public Condition newCondition() {
    throw new UnsupportedOperationException();
  }

  /** {@code PageLocked(page)}. */
  public boolean isLocked() {
    return locked;
  }
}
