package io.hbtrace.samplefs.write;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.inode.BlockMapping;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MapBlocks;
import io.hbtrace.samplefs.inode.MappingType;
import io.hbtrace.samplefs.pagecache.Page;
import io.hbtrace.samplefs.read.FillSource;
import io.hbtrace.samplefs.read.ReadPage;

/**
 * {@code ext4_buffered_write_iter} → {@code generic_perform_write} with ext4's delayed-allocation
 * {@code write_begin}/{@code write_end}: under i_rwsem held exclusive, each page is locked (created
 * if absent) and prepared block by block ({@code __block_write_begin}), filled with the user's
 * data, and its written blocks are marked uptodate and dirty; i_size grows at write_end, i_disksize
 * only at writeback.
 *
 * <p>Per block, as fs/buffer.c does with block size below page size: a block the write covers whole
 * is neither read nor zeroed; a block it covers partly is read from the disk if it is written,
 * zeroed if it is new (a hole, or unwritten); blocks the write does not touch are left alone, so a
 * partly written page stays not uptodate and a later read fills the rest from the disk. A hole that
 * becomes a delayed block reserves its space first, which is where ENOSPC comes from.
 */
public final class BufferedWrite {
  private final ReadPage readPage;
  private final MapBlocks mapBlocks;

  public BufferedWrite(ReadPage readPage, MapBlocks mapBlocks) {
    this.readPage = readPage;
    this.mapBlocks = mapBlocks;
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
      Page page = inode.mapping.findOrCreateLocked(pos / pageSize);
      int err = writeBegin(inode, page, offset, offset + n);
      if (err != 0) {
        page.unlockPage();
        return written > 0 ? written : err;
      }
      iocb.iter.copyIn(page.data, offset, n);
      writeEnd(inode, page, pos, n);
      iocb.kiPos += n;
      written += n;
    }
    return written;
  }

  /**
   * {@code ext4_da_write_begin} → {@code __block_write_begin(page, pos, len,
   * ext4_da_get_block_prep)} for bytes {@code [from, to)} of the locked page: reserve each hole the
   * write turns into a delayed block, zero the part of a new block outside the write, read a
   * written block the write covers only partly. Returns 0, {@code -ENOSPC} (reservation) or {@code
   * -EIO} (read).
   *
   * <p>The model instantiates nothing before a failure (a delayed block is a dirty block over a
   * hole), so it has nothing for {@code ext4_truncate_failed_write} to trim.
   */
  int writeBegin(Inode inode, Page page, int from, int to) {
    int unit = page.blockBytes();
    long pageStart = page.index * (long) page.data.length;
    for (int i = from / unit; i * unit < to; i++) {
      int blockStart = i * unit;
      boolean partial = blockStart < from || blockStart + unit > to;
      long lblk = (pageStart + blockStart) >> inode.blkbits;
      BlockMapping m = mapBlocks.lookup(inode, lblk, 1);
      boolean delayed = m.type() == MappingType.HOLE && page.isBlockDirty(i);
      if (m.type() == MappingType.HOLE && !delayed) {
        int r = mapBlocks.reserveDelayedBlock(inode, lblk);
        if (r < 0) {
          return r;
        }
      }
      if (page.isUptodate() || page.isBlockUptodate(i) || !partial) {
        continue;
      }
      if (m.type() == MappingType.WRITTEN) {
        if (!readPage.readBlockSync(inode, page, i, m)) {
          return Errno.EIO;
        }
      } else {
        // buffer_new: zero what the write leaves of the new block (here: all of it, then copy).
        readPage.fillBlock(
            page, i, m.type() == MappingType.HOLE ? FillSource.HOLE : FillSource.UNWRITTEN);
      }
    }
    return 0;
  }

  /**
   * {@code ext4_da_write_end} → {@code block_write_end}: the written blocks become uptodate and
   * dirty, the page dirty, and uptodate too if no block of it is left out ({@code
   * __block_commit_write}); i_size raised; page unlocked.
   */
  void writeEnd(Inode inode, Page page, long pos, int len) {
    int unit = page.blockBytes();
    int from = (int) (pos % page.data.length);
    for (int i = from / unit; i * unit < from + len; i++) {
      page.setBlockUptodate(i);
      page.markBlockDirty(i);
    }
    if (!page.isUptodate() && page.allBlocksUptodate()) {
      page.setUptodate();
    }
    page.setDirty();
    if (pos + len > inode.iSize) {
      inode.iSizeWrite(pos + len);
    }
    page.unlockPage();
  }
}
