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
 * mode: in one handle, allocate the page's delayed blocks, write its dirty blocks below i_size to
 * the device, convert unwritten extents it covered, and raise i_disksize to the end of the page (at
 * most i_size) — so the commit that makes the new size durable follows its data. Clean blocks of a
 * dirty page are neither allocated nor written.
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

  /** A dirty block of a page and where it goes. */
  private record BlockWrite(int block, BlockMapping mapping) {}

  /**
   * {@code ext4_writepages} for one dirty page, in the kernel's order: with the page locked, map
   * its dirty blocks below EOF, allocating the delayed ones ({@code mpage_prepare_extent_to_map},
   * {@code mpage_map_one_extent}); only then {@code clear_page_dirty_for_io} and PG_writeback
   * ({@code mpage_submit_page}); the dirty bits of those blocks and of any past EOF are cleared,
   * and only the dirty blocks are written ({@code ext4_bio_write_page} skips clean buffers); then
   * i_disksize is raised. If the allocation fails the page and its blocks stay dirty, as {@code
   * mpage_release_unused_pages} leaves them, for a later writeback.
   */
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
        if (page.mapping() != inode.mapping || !page.isDirty()) {
          return 0;
        }
        long isize = inode.iSizeRead();
        List<BlockWrite> writes = mapDirtyBlocks(handle, inode, page, isize);
        if (writes == null) {
          return Errno.ENOSPC;
        }
        page.clearDirtyForIo();
        page.setWriteback();
        int ret;
        try {
          for (int i = 0; i < page.blocksPerPage; i++) {
            page.clearBlockDirty(i); // each is either submitted now or lies past EOF
          }
          // ext4_bio_write_page: the page is unlocked once its IO is built; PG_writeback stays.
          page.unlockPage();
          locked = false;
          ret = submitBlocks(handle, inode, page, writes);
        } finally {
          page.endPageWriteback();
        }
        if (writes.isEmpty()) {
          return ret;
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
   * The mapping part of {@code mpage_map_and_submit_extent} for one page: the block behind each
   * dirty block below i_size, clean blocks left alone. The page's delayed blocks are allocated
   * together, as the one extent {@code mpage_map_one_extent} maps: if any allocation fails, what
   * this page got is given back and the result is null (ENOSPC).
   */
  private List<BlockWrite> mapDirtyBlocks(Handle handle, Inode inode, Page page, long isize) {
    int unit = page.blockBytes();
    long pageStart = page.index * (long) page.data.length;
    List<Long> allocated = new ArrayList<>();
    List<BlockWrite> writes = new ArrayList<>();
    for (int i = 0; i < page.blocksPerPage; i++) {
      long off = pageStart + (long) i * unit;
      if (off >= isize || !page.isBlockDirty(i)) {
        continue;
      }
      long lblk = off >> inode.blkbits;
      BlockMapping m = mapBlocks.lookup(inode, lblk, 1);
      if (m.type() == MappingType.HOLE) {
        if (mapBlocks.allocateDelayedBlocks(handle, inode, lblk, 1) < 0) {
          for (long done : allocated) {
            mapBlocks.freeBlocks(handle, inode, done, 1);
          }
          return null;
        }
        allocated.add(lblk);
        m = mapBlocks.lookup(inode, lblk, 1);
      }
      writes.add(new BlockWrite(i, m));
    }
    return writes;
  }

  /** Writes the page's mapped dirty blocks to the device, converting unwritten extents after. */
  private int submitBlocks(Handle handle, Inode inode, Page page, List<BlockWrite> writes) {
    int unit = page.blockBytes();
    long pageStart = page.index * (long) page.data.length;
    int ret = 0;
    for (BlockWrite w : writes) {
      BlockMapping m = w.mapping();
      long off = pageStart + (long) w.block() * unit;
      long dev = m.pblk() * inode.blockSize + (off & (inode.blockSize - 1));
      int status =
          device.submitBioWait(
              Bio.REQ_OP_WRITE, inode.ino, off, unit, dev, page.data, w.block() * unit);
      if (status != 0) {
        ret = Errno.EIO;
      } else if (m.type() == MappingType.UNWRITTEN) {
        mapBlocks.convertUnwritten(handle, inode, m.lblk(), 1);
      }
    }
    return ret;
  }
}
