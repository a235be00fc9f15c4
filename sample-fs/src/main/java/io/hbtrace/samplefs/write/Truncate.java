package io.hbtrace.samplefs.write;

import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MapBlocks;
import io.hbtrace.samplefs.journal.Handle;
import io.hbtrace.samplefs.journal.Journal;
import io.hbtrace.samplefs.orphan.OrphanList;

/**
 * Size reduction and the freeing of blocks past EOF, for its three callers: {@code ext4_setattr}
 * (ftruncate), {@code ext4_truncate_failed_write} (cleanup after a short or failed write) and
 * {@code ext4_orphan_cleanup} (crash recovery). All of them end in {@link #ext4Truncate}.
 */
public final class Truncate {
  /** ftruncate → ext4_setattr. */
  public static final int REASON_SETATTR = 0;

  /** ext4_truncate_failed_write after a short or failed extending write. */
  public static final int REASON_FAILED_WRITE = 1;

  /** ext4_orphan_cleanup at mount after a crash. */
  public static final int REASON_RECOVERY = 2;

  private final Journal journal;
  private final MapBlocks mapBlocks;
  private final OrphanList orphans;

  public Truncate(Journal journal, MapBlocks mapBlocks, OrphanList orphans) {
    this.journal = journal;
    this.mapBlocks = mapBlocks;
    this.orphans = orphans;
  }

  /**
   * Makes the file {@code newSize} bytes long for {@code reason} and frees its blocks past that;
   * returns the number of blocks freed. Callers hold i_rwsem exclusive.
   */
  public long truncate(Inode inode, long newSize, int reason) {
    return switch (reason) {
      case REASON_SETATTR -> setattrSize(inode, newSize);
      case REASON_FAILED_WRITE -> truncateFailedWrite(inode);
      default -> ext4Truncate(inode);
    };
  }

  /** The size change of {@code ext4_setattr}. */
  private long setattrSize(Inode inode, long newSize) {
    long oldSize = inode.iSize;
    boolean shrink = newSize < oldSize;
    if (shrink) {
      inode.dioWait(); // blocks are going away: wait for DIO in flight
    }
    if (newSize != oldSize) {
      Handle handle = journal.start(inode.ino);
      try {
        if (shrink) {
          orphans.add(handle, inode);
        }
        inode.iDataSem.writeLock().lock();
        try {
          inode.setDisksize(handle, newSize);
          inode.markDirty(handle);
          // i_size moves under i_data_sem together with i_disksize (races with writeback).
          inode.iSizeWrite(newSize);
        } finally {
          inode.iDataSem.writeLock().unlock();
        }
      } finally {
        journal.stop(handle);
      }
    }
    inode.mapping.truncateInodePages(inode.iSize);
    long freed = 0;
    if (newSize <= oldSize) {
      freed = ext4Truncate(inode);
    }
    if (shrink) {
      orphans.del(null, inode); // in case ext4_truncate could not get a handle
    }
    return freed;
  }

  /** {@code ext4_truncate_failed_write}: drop cached pages and blocks past i_size. */
  private long truncateFailedWrite(Inode inode) {
    inode.mapping.truncateInodePages(inode.iSize);
    return ext4Truncate(inode);
  }

  /**
   * {@code ext4_truncate}: in one handle, put the inode on the orphan list, set i_disksize to
   * i_size, free every block past it, and take the inode off the list again.
   */
  public long ext4Truncate(Inode inode) {
    Handle handle = journal.start(inode.ino);
    try {
      orphans.add(handle, inode);
      long freed;
      inode.iDataSem.writeLock().lock();
      try {
        inode.setDisksize(handle, inode.iSize); // "we have to know where to truncate from"
        inode.markDirty(handle);
        long lastBlock = (inode.iSize + inode.blockSize - 1) >> inode.blkbits;
        freed = mapBlocks.freeBlocksFrom(handle, inode, lastBlock);
      } finally {
        inode.iDataSem.writeLock().unlock();
      }
      if (inode.nlink > 0) {
        orphans.del(handle, inode);
      }
      inode.markDirty(handle);
      return freed;
    } finally {
      journal.stop(handle);
    }
  }
}
