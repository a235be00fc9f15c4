package io.hbtrace.samplefs.pagecache;

import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code struct page} of the page cache: {@link #index} in the file of inode {@link #ino}, its
 * data, the page lock (PG_locked) and the uptodate, dirty and writeback flags.
 *
 * <p>A new page is inserted locked; whoever fills it (readpage, or a write) marks it uptodate and
 * unlocks it. {@link #mapping} becomes null when the page is removed from the cache, which is how a
 * reader that waited on the lock learns the page was invalidated under it.
 */
public final class Page {
  public final long index;
  public final long ino;

  /** PG_locked (lock_page / unlock_page). */
  public final ReentrantLock lock = new ReentrantLock();

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
  public void setWriteback() {}

  /** {@code wait_on_page_locked}: wait until whoever holds the page lock drops it. */
  public void waitOnPageLocked() {
    lock.lock();
    lock.unlock();
  }
}
