package io.hbtrace.samplefs.pagecache;

import java.util.Arrays;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code struct page} of the page cache: {@link #index} in the file of inode {@link #ino}, its
 * data, the page lock (PG_locked), the uptodate, dirty and writeback flags, the page's wait queue
 * on which sleepers wait for the lock or the writeback to go, and the state of each of its file
 * system blocks (its buffer_heads).
 *
 * <p>A new page is inserted locked; whoever fills it (readpage, or a write) marks it uptodate and
 * unlocks it. {@link #mapping} becomes null when the page is removed from the cache, which is how a
 * reader that waited on the lock learns the page was invalidated under it.
 *
 * <p>With blocks smaller than the page, uptodate and dirty are tracked per block as ext4's
 * block-based buffered IO does (fs/buffer.c): a write that covers whole blocks reads nothing and
 * dirties only those blocks, so the page stays not uptodate until a read fills the rest ({@code
 * __block_commit_write} sets PG_uptodate only when no buffer is left out), and writeback writes
 * only the dirty blocks ({@code ext4_bio_write_page} skips clean buffers). The block state is read
 * and changed with the page lock held.
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

  /**
   * How many file system blocks the page holds (1 when a block is as large as the page or larger);
   * each is {@code data.length / blocksPerPage} bytes.
   */
  public final int blocksPerPage;

  /** page->mapping: null once removed from the cache. */
  volatile AddressSpace mapping;

  private volatile boolean uptodate;
  private volatile boolean dirty;

  /** BH_Uptodate of each block. Page lock held. */
  private final boolean[] blockUptodate;

  /** BH_Dirty of each block. Page lock held. */
  private final boolean[] blockDirty;

  Page(AddressSpace mapping, long index, int pageSize, int blocksPerPage) {
    this.mapping = mapping;
    this.ino = mapping.ino;
    this.index = index;
    this.data = new byte[pageSize];
    this.blocksPerPage = blocksPerPage;
    this.blockUptodate = new boolean[blocksPerPage];
    this.blockDirty = new boolean[blocksPerPage];
  }

  /** Bytes per block of this page. */
  public int blockBytes() {
    return data.length / blocksPerPage;
  }

  public AddressSpace mapping() {
    return mapping;
  }

  public boolean isUptodate() {
    return uptodate;
  }

  /** {@code SetPageUptodate}: all of the page's data is valid, so is every block's. */
  public void setUptodate() {
    Arrays.fill(blockUptodate, true);
    uptodate = true;
  }

  /** {@code buffer_uptodate}: block {@code block} of the page holds valid data. Page lock held. */
  public boolean isBlockUptodate(int block) {
    return blockUptodate[block];
  }

  /** {@code set_buffer_uptodate}. Page lock held. */
  public void setBlockUptodate(int block) {
    blockUptodate[block] = true;
  }

  /** Whether every block is uptodate: the condition for {@link #setUptodate}. Page lock held. */
  public boolean allBlocksUptodate() {
    for (int i = 0; i < blocksPerPage; i++) {
      if (!isBlockUptodate(i)) {
        return false;
      }
    }
    return true;
  }

  public boolean isDirty() {
    return dirty;
  }

  /** {@code set_page_dirty}: the page holds data newer than the disk. Page lock held. */
  public void setDirty() {
    dirty = true;
  }

  /** {@code buffer_dirty}: block {@code block} holds data newer than the disk. Page lock held. */
  public boolean isBlockDirty(int block) {
    return blockDirty[block];
  }

  /**
   * {@code mark_buffer_dirty}: block {@code block} holds data newer than the disk. The caller marks
   * the page dirty too ({@link #setDirty}). Page lock held.
   */
  public void markBlockDirty(int block) {
    blockDirty[block] = true;
  }

  /** {@code clear_buffer_dirty}: the block is being written (or lies past EOF). Page lock held. */
  public void clearBlockDirty(int block) {
    blockDirty[block] = false;
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
