package io.hbtrace.samplefs.dio;

import io.hbtrace.samplefs.block.PreciseWait;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MapBlocks;
import io.hbtrace.samplefs.journal.Handle;
import io.hbtrace.samplefs.journal.Journal;
import io.hbtrace.samplefs.orphan.OrphanList;
import io.hbtrace.samplefs.write.Truncate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The building blocks the variants compose after an extending direct write: the size updates,
 * orphan removal, and the truncation of blocks past a short write's end, each as one of ext4's (or
 * XFS's) functions.
 */
public final class InodeExtension {
  public final Journal journal;
  public final OrphanList orphans;
  private final Truncate truncate;
  private final MapBlocks mapBlocks;
  private final AtomicInteger lockAssertFailures = new AtomicInteger();
  private final long stallNanos;

  public InodeExtension(
      Journal journal, OrphanList orphans, Truncate truncate, MapBlocks blocks, long stallNanos) {
    this.stallNanos = stallNanos;
    this.journal = journal;
    this.orphans = orphans;
    this.truncate = truncate;
    this.mapBlocks = blocks;
  }

  /**
   * {@code ext4_handle_inode_extension(inode, offset, written, count)} of v5.5–v5.12 (kept by the
   * upstream fix): in one handle raise i_size and i_disksize to {@code offset + written} and, if
   * all blocks were written, remove the orphan; else truncate the blocks past the new EOF and then
   * remove the orphan. On error go straight to the truncation.
   */
  public long handleInodeExtension(Inode inode, long offset, long written, long count) {
    if (offset + count <= inode.iDisksize) {
      // Delalloc writeback already pushed i_disksize past the end: only the orphan is left.
      if (inode.iOrphan && inode.nlink > 0) {
        orphanDelInHandle(inode);
      }
      return written;
    }
    if (written < 0) {
      truncateFailedWrite(inode);
      return written;
    }
    boolean needTruncate;
    Handle handle = startExtensionHandle(inode);
    try {
      if (inode.updateInodeSize(handle, offset + written) != 0) {
        inode.markDirty(handle);
      }
      needTruncate = blockEnd(inode, offset + written) < blockEnd(inode, offset + count);
      if (!needTruncate && inode.nlink > 0) {
        orphans.del(handle, inode);
      }
    } finally {
      journal.stop(handle);
    }
    if (needTruncate) {
      truncateFailedWrite(inode);
    }
    return written;
  }

  /**
   * {@code ext4_handle_inode_extension} as reworked in 2023 (91562895f803, with the written/count
   * split of dda898d7ffe8): one handle raises both sizes to {@code offset + written}, and removes
   * the orphan only if the whole request was written.
   */
  public long extendInOneHandle(Inode inode, long offset, long written, long count) {
    Handle handle = startExtensionHandle(inode);
    try {
      if (inode.updateInodeSize(handle, offset + written) != 0) {
        inode.markDirty(handle);
      }
      if (written == count && inode.nlink > 0) {
        orphans.del(handle, inode);
      }
    } finally {
      journal.stop(handle);
    }
    return written;
  }

  /**
   * {@code ext4_inode_extension_cleanup(inode, need_trunc)} (2023): truncate after a failed or
   * short write, else remove an orphan the extension left (delalloc moved i_disksize).
   */
  public void inodeExtensionCleanup(Inode inode, boolean needTruncate) {
    if (needTruncate) {
      truncateFailedWrite(inode);
      return;
    }
    if (inode.iOrphan && inode.nlink > 0) {
      orphanDelInHandle(inode);
    }
  }

  /**
   * {@code ext4_journal_start} of the handle that raises the size after a direct write. With the
   * extension-stall knob it first waits that long, as {@code start_this_handle} waits in {@code
   * wait_transaction_locked} when the running transaction is being committed: a busy journal at the
   * one handle start that lies inside pre-fix's window. Off (0) by default.
   */
  Handle startExtensionHandle(Inode inode) {
    if (stallNanos > 0) {
      PreciseWait.until(System.nanoTime() + stallNanos);
    }
    return journal.start(inode.ino);
  }

  /**
   * {@code ext4_truncate_failed_write}, then {@code ext4_orphan_del(NULL, inode)} in case the
   * truncation could not remove the orphan itself.
   */
  public void truncateFailedWrite(Inode inode) {
    truncate.truncate(inode, inode.iSize, Truncate.REASON_FAILED_WRITE);
    if (inode.nlink > 0) {
      orphans.del(null, inode);
    }
  }

  /** The upstream fix's end_io step: {@code if (pos > i_size_read(inode)) i_size_write(…)}. */
  public boolean raiseIsize(Inode inode, long newSize) {
    if (newSize > inode.iSizeRead()) {
      inode.iSizeWrite(newSize);
      return true;
    }
    return false;
  }

  /** In a handle of its own: raise i_size and i_disksize, mark the inode dirty. */
  public void updateSizesInHandle(Inode inode, long newSize) {
    Handle handle = startExtensionHandle(inode);
    try {
      if (inode.updateInodeSize(handle, newSize) != 0) {
        inode.markDirty(handle);
      }
    } finally {
      journal.stop(handle);
    }
  }

  /** {@code xfs_setfilesize}: the on-disk size raised in a transaction of its own. */
  public void setFileSize(Inode inode, long newSize) {
    Handle handle = startExtensionHandle(inode);
    try {
      inode.updateIDisksize(handle, Math.min(newSize, inode.iSizeRead()));
      inode.markDirty(handle);
    } finally {
      journal.stop(handle);
    }
  }

  /** {@code ext4_orphan_add} in a handle of its own. */
  public void orphanAddInHandle(Inode inode) {
    Handle handle = journal.start(inode.ino);
    try {
      orphans.add(handle, inode);
    } finally {
      journal.stop(handle);
    }
  }

  /** {@code ext4_orphan_del} in a handle of its own. */
  public void orphanDelInHandle(Inode inode) {
    Handle handle = journal.start(inode.ino);
    try {
      orphans.del(handle, inode);
    } finally {
      journal.stop(handle);
    }
  }

  /**
   * {@code ext4_convert_unwritten_extents(NULL, inode, offset, size)}: the written range's
   * unwritten extents become written, in a handle of its own. Returns 0.
   */
  public int convertUnwrittenExtents(Inode inode, long offset, long size) {
    long first = offset >> inode.blkbits;
    long end = (offset + size + inode.blockSize - 1) >> inode.blkbits;
    Handle handle = journal.start(inode.ino);
    try {
      mapBlocks.convertUnwritten(handle, inode, first, (int) (end - first));
      inode.markDirty(handle);
    } finally {
      journal.stop(handle);
    }
    return 0;
  }

  /**
   * {@code lockdep_assert_held_write(&inode->i_rwsem)}: counts a failure if this thread does not
   * hold it exclusive.
   */
  public void assertHeldExclusive(Inode inode) {
    if (!inode.heldExclusiveByMe()) {
      lockAssertFailures.incrementAndGet();
    }
  }

  /** How often {@link #assertHeldExclusive} failed. */
  public int lockAssertFailures() {
    return lockAssertFailures.get();
  }

  private static long blockEnd(Inode inode, long bytes) {
    return (bytes + inode.blockSize - 1) >> inode.blkbits;
  }
}
