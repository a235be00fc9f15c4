package io.hbtrace.samplefs.read;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.fs.IovIter;
import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.pagecache.AddressSpace;
import io.hbtrace.samplefs.pagecache.Page;
import io.hbtrace.samplefs.pagecache.PageVec;

/**
 * {@code generic_file_read_iter} → {@code filemap_read} (mm/filemap.c, v5.12), one page at a time.
 *
 * <p>Takes no inode lock. For each page ({@code filemap_get_pages}): look it up; on a miss start
 * synchronous readahead (pages inserted locked, reads submitted) and look up again; a page found
 * not uptodate and locked is waited for without holding it ({@code put_and_wait_on_page_locked},
 * since bd8a1f3655a7) and then looked up again — it may have been invalidated meanwhile. Only once
 * the page is uptodate is i_size read again to clamp the copy.
 */
public final class FilemapRead {
  /** Initial readahead window for a one-page read ({@code get_init_ra_size(1, 32)}). */
  public static final int INITIAL_RA_PAGES = 4;

  private final ReadPage readPage;

  public FilemapRead(ReadPage readPage) {
    this.readPage = readPage;
  }

  /** {@code generic_file_read_iter} for a buffered read: bytes copied, or a negative errno. */
  public long read(Kiocb iocb) {
    Inode inode = iocb.inode;
    int pageSize = inode.mapping.pageSize;
    long copied = 0;
    while (iocb.iter.count() > 0) {
      long pos = iocb.kiPos;
      Page page = getPage(inode, pos / pageSize);
      if (page == null) {
        return copied > 0 ? copied : Errno.EIO;
      }
      // i_size must be checked after the page is uptodate (the comment in filemap_read).
      long isize = sizeForCopy(inode, pos);
      if (pos >= isize) {
        break;
      }
      long end = Math.min(isize, pos + iocb.iter.count());
      int offset = (int) (pos % pageSize);
      int n = (int) Math.min(pageSize - offset, end - pos);
      copyPageToIter(page, pos, n, iocb.iter);
      iocb.kiPos += n;
      copied += n;
    }
    return copied;
  }

  /**
   * {@code filemap_get_pages} + {@code filemap_update_page} + {@code filemap_create_page}: an
   * uptodate page at {@code index}, or null on a read error.
   */
  Page getPage(Inode inode, long index) {
    AddressSpace mapping = inode.mapping;
    PageVec pvec = new PageVec();
    for (; ; ) {
      if (mapping.findGetPages(index, pvec) == 0) {
        pageCacheSyncReadahead(inode, index);
        if (mapping.findGetPages(index, pvec) == 0) {
          Page page = createPage(inode, index);
          if (page == null) {
            continue; // AOP_TRUNCATED_PAGE: -EEXIST, look again
          }
          return page.isUptodate() ? page : null;
        }
      }
      Page page = pvec.page;
      if (page.isUptodate()) {
        return page;
      }
      if (!page.trylockPage()) {
        page.waitOnPageLocked(); // put_and_wait_on_page_locked → AOP_TRUNCATED_PAGE
        continue;
      }
      if (page.mapping() == null) {
        page.unlockPage();
        continue;
      }
      if (page.isUptodate()) {
        page.unlockPage();
        return page;
      }
      readPage.readPage(inode, page);
      page.waitOnPageLocked(); // filemap_read_page holds its reference: it keeps this page
      return page.isUptodate() ? page : null;
    }
  }

  /**
   * {@code page_cache_sync_readahead} → {@code page_cache_ra_unbounded}: for the absent pages of
   * the initial window from {@code index}, up to the page holding EOF, insert each locked and start
   * its read. Pages already cached are skipped.
   */
  void pageCacheSyncReadahead(Inode inode, long index) {
    long isize = inode.iSizeRead();
    if (isize == 0) {
      return;
    }
    long endIndex = (isize - 1) / inode.mapping.pageSize;
    long last = Math.min(endIndex, index + INITIAL_RA_PAGES - 1);
    for (long i = index; i <= last; i++) {
      if (inode.mapping.isCached(i)) {
        continue;
      }
      Page page = inode.mapping.addToPageCacheLocked(i);
      if (page != null) {
        readPage.readPage(inode, page);
      }
    }
  }

  /**
   * {@code filemap_create_page}: insert a locked page and read it, keeping a reference while
   * waiting for the read; null if another page got there first.
   */
  Page createPage(Inode inode, long index) {
    Page page = inode.mapping.addToPageCacheLocked(index);
    if (page == null) {
      return null;
    }
    readPage.readPage(inode, page);
    page.waitOnPageLocked();
    return page;
  }

  /** filemap_read's second {@code i_size_read}, after the page is uptodate: the copy's clamp. */
  public long sizeForCopy(Inode inode, long pos) {
    return inode.iSizeRead();
  }

  /** {@code copy_page_to_iter}: {@code len} bytes of file offset {@code pos} go to the user. */
  public void copyPageToIter(Page page, long pos, int len, IovIter iter) {
    iter.copyOut(page.data, (int) (pos % page.data.length), len);
  }
}
