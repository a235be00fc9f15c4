package io.hbtrace.samplefs.write;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.pagecache.Page;
import io.hbtrace.samplefs.read.ReadPage;

/**
 * {@code ext4_buffered_write_iter} → {@code generic_perform_write} with ext4's delayed-allocation
 * {@code write_begin}/{@code write_end}: under i_rwsem held exclusive, each page is locked (created
 * if absent), completed from disk if the write covers it only partly, filled with the user's data,
 * marked dirty; i_size grows at write_end, i_disksize only at writeback.
 */
public final class BufferedWrite {
  private final ReadPage readPage;

  public BufferedWrite(ReadPage readPage) {
    this.readPage = readPage;
  }

  /** {@code ext4_buffered_write_iter}: bytes written, or a negative errno. */
  public long writeIter(Kiocb iocb) {
    Inode inode = iocb.inode;
    inode.iRwsem.writeLock().lock();
    try {
      return performWrite(iocb);
    } finally {
      inode.iRwsem.writeLock().unlock();
    }
  }

  /** {@code generic_perform_write}. Caller holds i_rwsem exclusive. */
  public long performWrite(Kiocb iocb) {
    Inode inode = iocb.inode;
    int pageSize = inode.mapping.pageSize;
    long written = 0;
    while (iocb.iter.count() > 0) {
      long pos = iocb.kiPos;
      int offset = (int) (pos % pageSize);
      int n = Math.min(pageSize - offset, iocb.iter.count());
      Page page = writeBegin(inode, pos, n);
      if (page == null) {
        return written > 0 ? written : Errno.EIO;
      }
      iocb.iter.copyIn(page.data, offset, n);
      writeEnd(inode, page, pos, n);
      iocb.kiPos += n;
      written += n;
    }
    return written;
  }

  /**
   * {@code ext4_da_write_begin}: the locked page for a write of {@code len} bytes at {@code pos}; a
   * partly written page that is not uptodate is first read ({@code __block_write_begin}).
   */
  Page writeBegin(Inode inode, long pos, int len) {
    int pageSize = inode.mapping.pageSize;
    Page page = inode.mapping.findOrCreateLocked(pos / pageSize);
    if (!page.isUptodate() && len < pageSize && !readPage.fillPage(inode, page)) {
      page.unlockPage();
      return null;
    }
    return page;
  }

  /** {@code ext4_da_write_end}: page uptodate and dirty, i_size raised, page unlocked. */
  void writeEnd(Inode inode, Page page, long pos, int len) {
    page.setUptodate();
    page.setDirty();
    if (pos + len > inode.iSize) {
      inode.iSizeWrite(pos + len);
    }
    page.unlockPage();
  }
}
