package io.hbtrace.samplefs.pagecache;

import io.hbtrace.samplefs.Errno;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code struct address_space}: the page cache of file {@link #ino}. The page tree is guarded by
 * {@link #iPagesLock} ({@code xa_lock(&mapping->i_pages)}).
 */
public final class AddressSpace {
  public final long ino;
  public final int pageSize;

  /** File system blocks per page (1 if a block is as large as the page or larger). */
  public final int blocksPerPage;

  /** xa_lock of the page tree. */
  public final ReentrantLock iPagesLock = new ReentrantLock();

  private final Map<Long, Page> pages = new HashMap<>();
  private int nrpages;

  /** The cache of a file whose blocks are as large as its pages. */
  public AddressSpace(long ino, int pageSize) {
    this(ino, pageSize, pageSize);
  }

  /** The cache of a file with {@code blockSize}-byte blocks. */
  public AddressSpace(long ino, int pageSize, int blockSize) {
    this.ino = ino;
    this.pageSize = pageSize;
    this.blocksPerPage = Math.max(1, pageSize / blockSize);
  }

  /**
   * {@code filemap_get_read_batch} for one index: the cached page at {@code index} into {@code
   * pvec}; returns how many were found (0: miss, 1: hit).
   */
  public int findGetPages(long index, PageVec pvec) {
    iPagesLock.lock();
    try {
      pvec.page = pages.get(index);
      return pvec.page == null ? 0 : 1;
    } finally {
      iPagesLock.unlock();
    }
  }

  /**
   * The page cached at {@code index}, or null: the tree lookup of the paths that are not a read's
   * ({@code find_lock_entries} of invalidation, {@code pagecache_get_page} of a write, the
   * readahead's presence check).
   */
  Page findPage(long index) {
    iPagesLock.lock();
    try {
      return pages.get(index);
    } finally {
      iPagesLock.unlock();
    }
  }

  /** Whether a page is cached at {@code index} (page_cache_ra_unbounded's {@code xa_load}). */
  public boolean isCached(long index) {
    return findPage(index) != null;
  }

  /**
   * {@code add_to_page_cache_lru}: a new page at {@code index}, inserted locked; null if a page is
   * already cached there (-EEXIST: the caller looks it up again).
   */
  public Page addToPageCacheLocked(long index) {
    Page page = new Page(this, index, pageSize, blocksPerPage);
    page.lockPage();
    iPagesLock.lock();
    try {
      if (pages.containsKey(index)) {
        page.unlockPage();
        return null;
      }
      insertPage(page);
      return page;
    } finally {
      iPagesLock.unlock();
    }
  }

  /** {@code __add_to_page_cache_locked}: the locked page enters the tree. xa_lock held. */
  void insertPage(Page page) {
    pages.put(page.index, page);
    nrpages++;
  }

  /**
   * {@code pagecache_get_page(FGP_LOCK | FGP_CREAT)} (grab_cache_page_write_begin): the page at
   * {@code index}, locked, created if absent.
   */
  public Page findOrCreateLocked(long index) {
    for (; ; ) {
      Page page = findPage(index);
      if (page != null) {
        page.lockPage();
        if (page.mapping == this) {
          return page;
        }
        page.unlockPage();
        continue;
      }
      page = addToPageCacheLocked(index);
      if (page != null) {
        return page;
      }
    }
  }

  /**
   * {@code invalidate_inode_pages2_range(mapping, start, end)}: remove every page of the range,
   * each locked first (so a read in progress is waited for); returns {@code -EBUSY} if a dirty page
   * could not be removed, else 0.
   */
  public int invalidateInodePages2Range(long start, long end, InvalidatePhase phase) {
    int ret = 0;
    for (long index = start; index <= end; index++) {
      if (invalidateFolio(index, phase) == InvalidateOutcome.BUSY) {
        ret = Errno.EBUSY;
      }
    }
    return ret;
  }

  /**
   * The invalidation passes page index {@code index}: lock the page if cached, and remove it unless
   * it is dirty (truncation removes dirty pages too, cancelling their dirty state).
   */
  public InvalidateOutcome invalidateFolio(long index, InvalidatePhase phase) {
    Page page;
    iPagesLock.lock();
    try {
      page = pages.get(index);
      if (page == null) {
        return invalidateLocked(index, null, phase, false); // the walk passes an empty index
      }
    } finally {
      iPagesLock.unlock();
    }
    if (phase == InvalidatePhase.OTHER && !page.trylockPage()) {
      // invalidate_mapping_pages only trylocks: a page in use is left alone.
      return decideUnderXaLock(index, page, phase, true);
    }
    if (phase != InvalidatePhase.OTHER) {
      page.lockPage();
      page.waitOnPageWriteback();
    }
    try {
      boolean inUse = phase == InvalidatePhase.OTHER && page.isWriteback();
      if (!inUse && page.mapping == this && page.isDirty() && phase == InvalidatePhase.TRUNCATE) {
        page.clearDirtyForIo();
      }
      return decideUnderXaLock(index, page, phase, inUse);
    } finally {
      page.unlockPage();
    }
  }

  private InvalidateOutcome decideUnderXaLock(
      long index, Page page, InvalidatePhase phase, boolean inUse) {
    iPagesLock.lock();
    try {
      return invalidateLocked(index, page, phase, inUse);
    } finally {
      iPagesLock.unlock();
    }
  }

  /**
   * The invalidation's decision for one index, with xa_lock held ({@code invalidate_complete_page2}
   * → {@code __delete_from_page_cache}; for an index with no page, the moment the walk passed it):
   * ABSENT when no page is there (or it left the mapping meanwhile), BUSY when it is in use or
   * dirty (a truncation cleans it first), else the page leaves the cache: REMOVED. Taken under the
   * lock that page inserts take, so it is ordered exactly against them.
   */
  InvalidateOutcome invalidateLocked(long index, Page page, InvalidatePhase phase, boolean inUse) {
    if (page == null || page.mapping != this) {
      return InvalidateOutcome.ABSENT;
    }
    if (inUse || (page.isDirty() && phase != InvalidatePhase.TRUNCATE)) {
      return InvalidateOutcome.BUSY;
    }
    pages.remove(page.index);
    page.mapping = null;
    nrpages--;
    return InvalidateOutcome.REMOVED;
  }

  /**
   * {@code truncate_inode_pages_range(mapping, lstart, -1)}: zero the tail of the page holding
   * {@code lstart}, then remove every page after it (phase TRUNCATE).
   */
  public void truncateInodePages(long lstart) {
    long partial = lstart / pageSize;
    int offset = (int) (lstart % pageSize);
    long first = partial;
    if (offset != 0) {
      zeroPageTail(partial, offset);
      first = partial + 1;
    }
    long last = lastIndex();
    for (long index = first; index <= last; index++) {
      invalidateFolio(index, InvalidatePhase.TRUNCATE);
    }
  }

  private void zeroPageTail(long index, int offset) {
    Page page = findPage(index);
    if (page == null) {
      return;
    }
    page.lockPage();
    try {
      if (page.mapping == this) {
        Arrays.fill(page.data, offset, pageSize, (byte) 0);
      }
    } finally {
      page.unlockPage();
    }
  }

  /**
   * {@code invalidate_mapping_pages(mapping, start, end)}: drop the clean, unlocked pages of the
   * range; pages in use are skipped, never waited for (phase OTHER).
   */
  public void invalidateMappingPages(long start, long end) {
    for (long index = start; index <= end; index++) {
      invalidateFolio(index, InvalidatePhase.OTHER);
    }
  }

  /**
   * Dirty pages with index in {@code [start, end]}, in index order (the PAGECACHE_TAG_DIRTY walk).
   */
  public List<Page> dirtyPages(long start, long end) {
    iPagesLock.lock();
    try {
      List<Page> dirty = new ArrayList<>();
      for (Page p : pages.values()) {
        if (p.index >= start && p.index <= end && p.isDirty()) {
          dirty.add(p);
        }
      }
      dirty.sort((a, b) -> Long.compare(a.index, b.index));
      return dirty;
    } finally {
      iPagesLock.unlock();
    }
  }

  /** Cached pages with index in {@code [start, end]} (the lookup of __filemap_fdatawait_range). */
  public List<Page> pagesInRange(long start, long end) {
    iPagesLock.lock();
    try {
      List<Page> found = new ArrayList<>();
      for (Page p : pages.values()) {
        if (p.index >= start && p.index <= end) {
          found.add(p);
        }
      }
      return found;
    } finally {
      iPagesLock.unlock();
    }
  }

  /** Highest cached index, or -1. */
  long lastIndex() {
    iPagesLock.lock();
    try {
      long last = -1;
      for (long i : pages.keySet()) {
        last = Math.max(last, i);
      }
      return last;
    } finally {
      iPagesLock.unlock();
    }
  }

  public int nrpages() {
    iPagesLock.lock();
    try {
      return nrpages;
    } finally {
      iPagesLock.unlock();
    }
  }
}
