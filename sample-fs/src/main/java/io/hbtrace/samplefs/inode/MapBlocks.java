package io.hbtrace.samplefs.inode;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.fault.FaultInjector;
import io.hbtrace.samplefs.journal.Handle;
import io.hbtrace.samplefs.journal.MetadataRecord;

/**
 * {@code ext4_map_blocks} and the extent-tree changes behind it: allocation (with {@code
 * EXT4_GET_BLOCKS_CREATE} or {@code _CREATE_UNWRIT_EXT}), freeing ({@code ext4_ext_remove_space}
 * from ext4_truncate) and unwritten-to-written conversion ({@code ext4_convert_unwritten_extents}).
 * Every change is journaled in the caller's handle.
 */
public final class MapBlocks {
  private final BlockAllocator allocator;
  private final FaultInjector faults;

  public MapBlocks(BlockAllocator allocator, FaultInjector faults) {
    this.allocator = allocator;
    this.faults = faults;
  }

  /** {@code ext4_map_blocks} without create: the mapping at {@code lblk}, under i_data_sem. */
  public BlockMapping lookup(Inode inode, long lblk, int maxBlocks) {
    inode.iDataSem.readLock().lock();
    try {
      return inode.extents.lookup(lblk, maxBlocks);
    } finally {
      inode.iDataSem.readLock().unlock();
    }
  }

  /**
   * {@code ext4_map_blocks(handle, inode, map, CREATE)} for the hole of {@code count} blocks at
   * {@code lblk}: allocate blocks near the file's previous block and map them, written or
   * unwritten. Returns {@code count}, or {@code -ENOSPC} with nothing allocated.
   */
  public int allocateBlocks(Handle handle, Inode inode, long lblk, int count, boolean unwritten) {
    if (faults.shouldFail(FaultInjector.ENOSPC, inode.ino, lblk << inode.blkbits)) {
      return Errno.ENOSPC;
    }
    return allocate(handle, inode, lblk, count, unwritten);
  }

  /**
   * {@code ext4_da_reserve_space} for the delayed block {@code lblk} a buffered write is about to
   * dirty ({@code ext4_da_get_block_prep} → {@code ext4_insert_delayed_block}): 0, or {@code
   * -ENOSPC} when the file system cannot promise the block. This is where delayed allocation
   * reports ENOSPC — to the write, not to writeback. The reservation itself is not counted.
   */
  public int reserveDelayedBlock(Inode inode, long lblk) {
    if (faults.shouldFail(FaultInjector.ENOSPC, inode.ino, lblk << inode.blkbits)) {
      return Errno.ENOSPC;
    }
    return 0;
  }

  /**
   * {@code ext4_map_blocks(handle, inode, map, CREATE | DELALLOC_RESERVE)} of writeback: allocate
   * the delayed block {@code lblk}, written. Its space was reserved when it was dirtied, so no
   * ENOSPC is injected here; only a truly full device fails ({@code -ENOSPC}).
   */
  public int allocateDelayedBlocks(Handle handle, Inode inode, long lblk, int count) {
    return allocate(handle, inode, lblk, count, false);
  }

  private int allocate(Handle handle, Inode inode, long lblk, int count, boolean unwritten) {
    inode.iDataSem.writeLock().lock();
    try {
      long[] blocks = new long[count];
      long goal = lblk > 0 ? inode.extents.blockAt(lblk - 1) + 1 : 0;
      for (int i = 0; i < count; i++) {
        blocks[i] = allocator.allocate(goal);
        if (blocks[i] < 0) {
          for (int j = 0; j < i; j++) {
            allocator.free(blocks[j], 1);
          }
          return Errno.ENOSPC;
        }
        goal = blocks[i] + 1;
      }
      int start = 0;
      for (int i = 1; i <= count; i++) {
        if (i == count || blocks[i] != blocks[i - 1] + 1) {
          insertExtent(handle, inode, lblk + start, blocks[start], i - start, unwritten);
          start = i;
        }
      }
      return count;
    } finally {
      inode.iDataSem.writeLock().unlock();
    }
  }

  /**
   * {@code ext4_ext_insert_extent} (with the bitmap update of {@code ext4_mb_new_blocks}): {@code
   * count} blocks from {@code pblk} now back {@code lblk…}; journaled in {@code handle}.
   */
  public void insertExtent(
      Handle handle, Inode inode, long lblk, long pblk, int count, boolean unwritten) {
    for (int i = 0; i < count; i++) {
      inode.extents.map(lblk + i, pblk + i, unwritten);
    }
    handle.log(new MetadataRecord.BitmapSet(pblk, count));
    handle.log(new MetadataRecord.ExtentMapped(inode.ino, lblk, pblk, count, unwritten));
  }

  /**
   * {@code ext4_ext_remove_space(inode, firstLblk, EXT_MAX_BLOCKS)}: free every block from {@code
   * firstLblk} on. Returns how many blocks were freed.
   */
  public long freeBlocksFrom(Handle handle, Inode inode, long firstLblk) {
    inode.iDataSem.writeLock().lock();
    try {
      long freed = 0;
      long last = inode.extents.lastMapped();
      long lblk = Math.max(0, firstLblk);
      while (lblk <= last) {
        BlockMapping m =
            inode.extents.lookup(lblk, (int) Math.min(Integer.MAX_VALUE, last - lblk + 1));
        if (m.mapped()) {
          removeExtent(handle, inode, m.lblk(), m.pblk(), m.length());
          freed += m.length();
        }
        lblk += m.length();
      }
      return freed;
    } finally {
      inode.iDataSem.writeLock().unlock();
    }
  }

  /** Frees the mapped blocks of {@code [lblk, lblk+count)} (undoing an allocation). */
  public void freeBlocks(Handle handle, Inode inode, long lblk, int count) {
    inode.iDataSem.writeLock().lock();
    try {
      long end = lblk + count;
      for (long b = lblk; b < end; ) {
        BlockMapping m = inode.extents.lookup(b, (int) (end - b));
        if (m.mapped()) {
          removeExtent(handle, inode, m.lblk(), m.pblk(), m.length());
        }
        b += m.length();
      }
    } finally {
      inode.iDataSem.writeLock().unlock();
    }
  }

  /** {@code ext4_free_blocks} of one extent: unmap {@code count} blocks at {@code lblk}. */
  public void removeExtent(Handle handle, Inode inode, long lblk, long pblk, int count) {
    for (int i = 0; i < count; i++) {
      inode.extents.unmap(lblk + i);
    }
    allocator.free(pblk, count);
    handle.log(new MetadataRecord.ExtentUnmapped(inode.ino, lblk, count));
    handle.log(new MetadataRecord.BitmapClear(pblk, count));
  }

  /**
   * {@code ext4_convert_unwritten_extents} over {@code [lblk, lblk+count)}: every unwritten run in
   * the range becomes written.
   */
  public void convertUnwritten(Handle handle, Inode inode, long lblk, int count) {
    inode.iDataSem.writeLock().lock();
    try {
      long end = lblk + count;
      long b = lblk;
      while (b < end) {
        BlockMapping m = inode.extents.lookup(b, (int) (end - b));
        if (m.type() == MappingType.UNWRITTEN) {
          convertExtent(handle, inode, m.lblk(), m.length());
        }
        b += m.length();
      }
    } finally {
      inode.iDataSem.writeLock().unlock();
    }
  }

  /** {@code ext4_ext_convert_to_initialized} of one run: unwritten → written. */
  public void convertExtent(Handle handle, Inode inode, long lblk, int count) {
    for (int i = 0; i < count; i++) {
      inode.extents.markWritten(lblk + i);
    }
    handle.log(new MetadataRecord.ExtentWritten(inode.ino, lblk, count));
  }
}
