package io.hbtrace.samplefs.dio;

import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.inode.BlockMapping;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MapBlocks;
import io.hbtrace.samplefs.inode.MappingType;
import io.hbtrace.samplefs.journal.Handle;
import io.hbtrace.samplefs.journal.Journal;
import io.hbtrace.samplefs.variant.Variant;

/**
 * {@code ext4_iomap_ops} / {@code ext4_iomap_overwrite_ops} for direct writes: map the range and,
 * for a hole, allocate in a handle of its own ({@code ext4_iomap_alloc}) — written extents at or
 * beyond i_size, unwritten ones inside it (so a crash or a racing read never exposes stale blocks
 * inside the file). The allocation commits before the data is written: direct IO is not ordered.
 */
public final class Ext4Iomap {
  private final Journal journal;
  private final MapBlocks mapBlocks;
  private final Variant variant;
  private final InodeExtension ext;

  public Ext4Iomap(Journal journal, MapBlocks mapBlocks, Variant variant, InodeExtension ext) {
    this.journal = journal;
    this.mapBlocks = mapBlocks;
    this.variant = variant;
    this.ext = ext;
  }

  /**
   * {@code ext4_iomap_begin(inode, offset, length, IOMAP_WRITE | IOMAP_DIRECT, …)}; with {@code
   * overwrite} (i_rwsem shared) no allocation happens. Fills {@code out}; returns 0 or an errno.
   */
  public int iomapBegin(Kiocb iocb, long offset, long length, boolean overwrite, Iomap out) {
    Inode inode = iocb.inode;
    long lblk = offset >> inode.blkbits;
    long endBlk = (offset + length + inode.blockSize - 1) >> inode.blkbits;
    int maxBlocks = (int) Math.min(Integer.MAX_VALUE, endBlk - lblk);
    BlockMapping m = mapBlocks.lookup(inode, lblk, maxBlocks);
    boolean isNew = false;
    if (!m.mapped() && !overwrite) {
      int r = iomapAlloc(iocb, inode, lblk, m.length());
      if (r < 0) {
        return r;
      }
      m = mapBlocks.lookup(inode, lblk, m.length());
      isNew = true;
    }
    out.type =
        switch (m.type()) {
          case HOLE -> Iomap.HOLE;
          case WRITTEN -> Iomap.MAPPED;
          case UNWRITTEN -> Iomap.UNWRITTEN;
        };
    out.isNew = isNew;
    out.offset = lblk << inode.blkbits;
    out.length = (long) m.length() << inode.blkbits;
    out.addr = m.pblk() * inode.blockSize;
    return 0;
  }

  /** {@code ext4_iomap_alloc}: allocate the hole at {@code lblk} in a handle of its own. */
  int iomapAlloc(Kiocb iocb, Inode inode, long lblk, int count) {
    // i_size, not i_disksize: delalloc writeback may push i_disksize out during the IO.
    boolean unwritten = (lblk << inode.blkbits) < inode.iSizeRead();
    int r;
    Handle handle = journal.start(inode.ino);
    try {
      r = mapBlocks.allocateBlocks(handle, inode, lblk, count, unwritten);
    } finally {
      journal.stop(handle);
    }
    if (r > 0) {
      variant.afterBlocksAllocated(ext, iocb);
    }
    return r;
  }

  /** Whether {@code [offset, offset+len)} is all written blocks ({@code ext4_overwrite_io}). */
  public boolean isOverwrite(Inode inode, long offset, long len) {
    if (offset + len > inode.iSizeRead()) {
      return false;
    }
    long lblk = offset >> inode.blkbits;
    int blocks = (int) (((offset + len + inode.blockSize - 1) >> inode.blkbits) - lblk);
    BlockMapping m = mapBlocks.lookup(inode, lblk, blocks);
    return m.length() == blocks && m.type() == MappingType.WRITTEN;
  }
}
