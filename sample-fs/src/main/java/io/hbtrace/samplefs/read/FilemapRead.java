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
 * <p>Takes no inode lock. For each page: find it in the cache or create it (inserted locked, then
 * readpage); a page found locked and not uptodate is waited for and looked up again (the page may
 * have been invalidated meanwhile); only then is i_size read again to clamp the copy.
 */
public final class FilemapRead {
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
        Page page = mapping.addToPageCacheLocked(index);
        if (page == null) {
          continue; // -EEXIST: somebody else inserted it; look again
        }
        readPage.readPage(inode, page);
        return page.isUptodate() ? page : null;
      }
      Page page = pvec.page;
      if (page.isUptodate()) {
        return page;
      }
      if (!page.lock.tryLock()) {
        // put_and_wait_on_page_locked, then AOP_TRUNCATED_PAGE: look the index up again.
        page.waitOnPageLocked();
        continue;
      }
      if (page.mapping() == null) {
        page.lock.unlock();
        continue;
      }
      if (page.isUptodate()) {
        page.lock.unlock();
        return page;
      }
      readPage.readPage(inode, page);
      return page.isUptodate() ? page : null;
    }
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
