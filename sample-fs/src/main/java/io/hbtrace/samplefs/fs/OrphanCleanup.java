package io.hbtrace.samplefs.fs;

import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.write.Truncate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ext4_orphan_cleanup} at mount: every inode on the on-disk orphan chain is truncated back
 * to its on-disk size (blocks past it are freed) and leaves the chain.
 */
public final class OrphanCleanup {
  private final FileSystem fs;
  private long blocksFreed;

  OrphanCleanup(FileSystem fs) {
    this.fs = fs;
  }

  void run() {
    List<Long> chain = new ArrayList<>(fs.journal.durable().orphanChain());
    for (long ino : chain) {
      Inode inode = fs.iget(ino);
      fs.orphans.adopt(inode);
      blocksFreed += recoverOrphan(inode, inode.iDisksize);
    }
  }

  /** Recovery of one orphan: truncate it to {@code diskSize}; returns the blocks freed. */
  public long recoverOrphan(Inode inode, long diskSize) {
    inode.iRwsem.writeLock().lock();
    try {
      return fs.truncate.truncate(inode, diskSize, Truncate.REASON_RECOVERY);
    } finally {
      inode.iRwsem.writeLock().unlock();
    }
  }

  public long blocksFreed() {
    return blocksFreed;
  }
}
