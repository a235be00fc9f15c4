package io.hbtrace.samplefs.pagecache;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code struct page} of the page cache: {@link #index} in the file of inode {@link #ino}, its
 * data, the page lock (PG_locked), the uptodate, dirty and writeback flags, and the page's wait
 * queue on which sleepers wait for the lock or the writeback to go.
 *
 * <p>A new page is inserted locked; whoever fills it (readpage, or a write) marks it uptodate and
 * unlocks it. {@link #mapping} becomes null when the page is removed from the cache, which is how a
 * reader that waited on the lock learns the page was invalidated under it.
 */
public final class Page {
  public final long index;
  public final long ino;

  /** PG_locked (lock_page / unlock_page): any thread may unlock it (bio completion). */
  public final PageLock lock = new PageLock();

  /**
   * The page's wait queue ({@code page_waitqueue(page)}) and its spinlock: {@link
   * #waitOnPageLocked} sleeps on it without taking the page lock, and {@link #unlockPage} wakes
   * every sleeper at once, as {@code unlock_page} → {@code wake_up_page_bit} does.
   */
  public final ReentrantLock waitqueueLock = new ReentrantLock();

  private final Condition wakeup = waitqueueLock.newCondition();

  /** Wake-ups for PG_locked: a sleeper waiting for the lock to go ignores the others. */
  private long unlockWakeups;

  private int waiters;
  private volatile boolean writeback;

  public final byte[] data;

  /** page->mapping: null once removed from the cache. */
  volatile AddressSpace mapping;

  private volatile boolean uptodate;
  private volatile boolean dirty;

  Page(AddressSpace mapping, long index, int pageSize) {
    this.mapping = mapping;
    this.ino = mapping.ino;
    this.index = index;
    this.data = new byte[pageSize];
  }

  public AddressSpace mapping() {
    return mapping;
  }

  public boolean isUptodate() {
    return uptodate;
  }

  /** {@code SetPageUptodate}: the page's data is valid. */
  public void setUptodate() {
    uptodate = true;
  }

  public boolean isDirty() {
    return dirty;
  }

  /** {@code set_page_dirty}: the page holds data newer than the disk. Page lock held. */
  public void setDirty() {
    dirty = true;
  }

  /** {@code clear_page_dirty_for_io}: writeback takes over the dirty data. Page lock held. */
  public boolean clearDirtyForIo() {
    boolean was = dirty;
    dirty = false;
    return was;
  }

  /** {@code set_page_writeback}: writeback of this page starts. Page lock held. */
  public void setWriteback() {
    writeback = true;
  }

  /** {@code PageWriteback(page)}: its data is being written to the device. */
  public boolean isWriteback() {
    return writeback;
  }

  /** {@code end_page_writeback}: the page's data is on the device; wake whoever waits for it. */
  public void endPageWriteback() {
    writeback = false;
    wakeUpPage(false);
  }

  /** {@code wait_on_page_writeback}: sleep until the page's writeback has ended. */
  public void waitOnPageWriteback() {
    waitqueueLock.lock();
    try {
      while (writeback) {
        waiters++;
        try {
          wakeup.awaitUninterruptibly();
        } finally {
          waiters--;
        }
      }
    } finally {
      waitqueueLock.unlock();
    }
  }

  /** {@code lock_page}: sleep until the page lock is ours. */
  public void lockPage() {
    lock.lock();
  }

  /** {@code trylock_page}. */
  public boolean trylockPage() {
    return lock.tryLock();
  }

  /** {@code unlock_page}: release PG_locked and wake whoever sleeps on the page's wait queue. */
  public void unlockPage() {
    lock.unlock();
    wakeUpPage(true);
  }

  /**
   * {@code wake_up_page(page, bit)}: wake the sleepers on the page's wait queue (if PG_waiters)
   * that wait for {@code bit} — PG_locked if {@code unlocked}, else PG_writeback. The queue is
   * shared, so all are signalled and each checks its own bit, as {@code wake_page_function} does.
   */
  private void wakeUpPage(boolean unlocked) {
    waitqueueLock.lock();
    try {
      if (waiters > 0) {
        if (unlocked) {
          unlockWakeups++;
        }
        wakeup.signalAll();
      }
    } finally {
      waitqueueLock.unlock();
    }
  }

  /**
   * {@code put_and_wait_on_page_locked}: sleep until the page is next unlocked, without taking its
   * lock and without looking at the page again afterwards (it may be gone from the cache).
   */
  public void waitOnPageLocked() {
    waitqueueLock.lock();
    try {
      if (!lock.isLocked()) {
        return;
      }
      long seen = unlockWakeups;
      waiters++;
      try {
        while (unlockWakeups == seen && lock.isLocked()) {
          wakeup.awaitUninterruptibly();
        }
      } finally {
        waiters--;
      }
    } finally {
      waitqueueLock.unlock();
    }
  }
}
