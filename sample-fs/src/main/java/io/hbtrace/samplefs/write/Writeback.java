package io.hbtrace.samplefs.write;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.block.Bio;
import io.hbtrace.samplefs.block.BlockDevice;
import io.hbtrace.samplefs.inode.BlockMapping;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MapBlocks;
import io.hbtrace.samplefs.inode.MappingType;
import io.hbtrace.samplefs.journal.Handle;
import io.hbtrace.samplefs.journal.Journal;
import io.hbtrace.samplefs.pagecache.Page;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code filemap_write_and_wait_range} → {@code ext4_writepages}, page by page, in data=ordered
 * mode: in one handle, allocate the page's delayed blocks, write its data (the blocks below i_size)
 * to the device, convert unwritten extents it covered, and raise i_disksize to the end of the page
 * (at most i_size) — so the commit that makes the new size durable follows its data.
 */
public final class Writeback {
  private final Journal journal;
  private final MapBlocks mapBlocks;
  private final BlockDevice device;

  public Writeback(Journal journal, MapBlocks mapBlocks, BlockDevice device) {
    this.journal = journal;
    this.mapBlocks = mapBlocks;
    this.device = device;
  }

  /**
   * {@code filemap_write_and_wait_range(mapping, start, end)}: write back every dirty page holding
   * bytes of {@code [start, end]} and wait; 0 or the first error.
   */
  public int writeAndWaitRange(Inode inode, long start, long end) {
    int pageSize = inode.mapping.pageSize;
    int ret = 0;
    for (Page page : inode.mapping.dirtyPages(start / pageSize, end / pageSize)) {
      int r = writePage(inode, page);
      if (ret == 0) {
        ret = r;
      }
    }
    fdatawait(inode, start / pageSize, end / pageSize);
    return ret;
  }

  /**
   * {@code __filemap_fdatawait_range}: wait for the writeback of every page of the range, also the
   * pages another thread's writeback took before this one came.
   */
  void fdatawait(Inode inode, long first, long last) {
    for (Page page : inode.mapping.pagesInRange(first, last)) {
      page.waitOnPageWriteback();
    }
  }

  /** {@code ext4_writepages} for one dirty page (mpage_map_and_submit_extent + disksize update). */
  int writePage(Inode inode, Page page) {
    if (!page.isDirty()) {
      return 0; // cleaned by a racing writeback; checked again under the page lock
    }
    Handle handle = journal.start(inode.ino);
    try {
      page.lockPage();
      boolean locked = true;
      try {
        page.waitOnPageWriteback(); // a writeback in flight completes before the next starts
        if (page.mapping() != inode.mapping || !page.clearDirtyForIo()) {
          return 0;
        }
        page.setWriteback();
        long isize = inode.iSizeRead();
        int ret;
        try {
          int unit = Math.min(inode.blockSize, page.data.length);
          List<BlockMapping> blocks = mapPage(handle, inode, page, isize, unit);
          if (blocks == null) {
            return Errno.ENOSPC;
          }
          // ext4_bio_write_page: the page is unlocked once its IO is built; PG_writeback stays.
          page.unlockPage();
          locked = false;
          ret = submitPage(handle, inode, page, blocks, unit);
        } finally {
          page.endPageWriteback();
        }
        // update_disksize: in the handle that allocated, whatever the data IO's outcome (its
        // errors reach the mapping at bio completion; the metadata stands).
        long pageEnd = (page.index + 1) * (long) page.data.length;
        long disksize = Math.min(pageEnd, isize);
        if (disksize > inode.iDisksize) {
          inode.updateIDisksize(handle, disksize);
          inode.markDirty(handle);
        }
        return ret;
      } finally {
        if (locked) {
          page.unlockPage();
        }
      }
    } finally {
      journal.stop(handle);
    }
  }

  /**
   * {@code mpage_map_and_submit_extent}'s mapping: the block behind each unit of the page below
   * i_size. The page's delayed blocks are allocated together, as the one extent {@code
   * mpage_map_one_extent} maps: if any allocation fails, what this page got is given back and the
   * result is null (ENOSPC).
   */
  private List<BlockMapping> mapPage(Handle handle, Inode inode, Page page, long isize, int unit) {
    long pageStart = page.index * (long) page.data.length;
    List<Long> allocated = new ArrayList<>();
    List<BlockMapping> blocks = new ArrayList<>();
    for (int i = 0; i < page.data.length / unit; i++) {
      long off = pageStart + (long) i * unit;
      if (off >= isize) {
        break;
      }
      long lblk = off >> inode.blkbits;
      BlockMapping m = mapBlocks.lookup(inode, lblk, 1);
      if (m.type() == MappingType.HOLE) {
        if (mapBlocks.allocateBlocks(handle, inode, lblk, 1, false) < 0) {
          for (long done : allocated) {
            mapBlocks.freeBlocks(handle, inode, done, 1);
          }
          return null;
        }
        allocated.add(lblk);
        m = mapBlocks.lookup(inode, lblk, 1);
      }
      blocks.add(m);
    }
    return blocks;
  }

  /** Writes the mapped units of the page to the device, converting unwritten extents after. */
  private int submitPage(
      Handle handle, Inode inode, Page page, List<BlockMapping> blocks, int unit) {
    long pageStart = page.index * (long) page.data.length;
    int ret = 0;
    for (int i = 0; i < blocks.size(); i++) {
      BlockMapping m = blocks.get(i);
      long off = pageStart + (long) i * unit;
      long dev = m.pblk() * inode.blockSize + (off & (inode.blockSize - 1));
      int status =
          device.submitBioWait(Bio.REQ_OP_WRITE, inode.ino, off, unit, dev, page.data, i * unit);
      if (status != 0) {
        ret = Errno.EIO;
      } else if (m.type() == MappingType.UNWRITTEN) {
        mapBlocks.convertUnwritten(handle, inode, m.lblk(), 1);
      }
    }
    return ret;
  }
}
