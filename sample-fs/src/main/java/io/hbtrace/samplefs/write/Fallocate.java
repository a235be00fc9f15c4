package io.hbtrace.samplefs.write;

import io.hbtrace.samplefs.inode.BlockMapping;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MapBlocks;
import io.hbtrace.samplefs.journal.Handle;
import io.hbtrace.samplefs.journal.Journal;

/**
 * {@code ext4_fallocate} with mode 0 ({@code ext4_alloc_file_blocks}): unwritten extents for the
 * holes of the range, and after each chunk i_size / i_disksize raised to its end in the same
 * handle, so the blocks are never past the durable size, even when a later chunk fails.
 */
public final class Fallocate {
  private final Journal journal;
  private final MapBlocks mapBlocks;

  public Fallocate(Journal journal, MapBlocks mapBlocks) {
    this.journal = journal;
    this.mapBlocks = mapBlocks;
  }

  /** {@code ext4_fallocate(file, 0, pos, len)}: 0 or a negative errno. */
  public int fallocate(Inode inode, long pos, long len) {
    inode.iRwsem.writeLock().lock();
    try {
      inode.dioWait();
      Handle handle = journal.start(inode.ino);
      try {
        long first = pos >> inode.blkbits;
        long end = (pos + len + inode.blockSize - 1) >> inode.blkbits;
        for (long lblk = first; lblk < end; ) {
          BlockMapping m = mapBlocks.lookup(inode, lblk, (int) (end - lblk));
          if (!m.mapped()) {
            int r = mapBlocks.allocateBlocks(handle, inode, lblk, m.length(), true);
            if (r < 0) {
              return r;
            }
          }
          lblk += m.length();
          // Per chunk, in the allocation's handle: the size covers what is allocated so far.
          long epos = Math.min(lblk << inode.blkbits, pos + len);
          if (inode.updateInodeSize(handle, epos) != 0) {
            inode.markDirty(handle);
          }
        }
        return 0;
      } finally {
        journal.stop(handle);
      }
    } finally {
      inode.iRwsem.writeLock().unlock();
    }
  }
}
