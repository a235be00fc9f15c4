package io.hbtrace.samplefs.inode;

import java.util.BitSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The block bitmap with a goal-directed first-fit allocator (a much simplified mballoc). {@link
 * #groupLock} stands for the block group lock ({@code ext4_lock_group}).
 */
public final class BlockAllocator {
  /** Blocks below this hold the superblock, group descriptors and journal: never allocated. */
  public static final int FIRST_DATA_BLOCK = 16;

  public final ReentrantLock groupLock = new ReentrantLock();
  private final BitSet bitmap = new BitSet();
  private final long nrBlocks;

  public BlockAllocator(long nrBlocks) {
    this.nrBlocks = nrBlocks;
  }

  /** Marks blocks in use (mounting an existing image). */
  public void markUsed(BitSet used) {
    groupLock.lock();
    try {
      bitmap.or(used);
    } finally {
      groupLock.unlock();
    }
  }

  /** One free block at or after {@code goal} (wrapping around), marked in use; -1 if full. */
  long allocate(long goal) {
    groupLock.lock();
    try {
      int start = (int) Math.max(FIRST_DATA_BLOCK, Math.min(goal, nrBlocks - 1));
      int b = bitmap.nextClearBit(start);
      if (b >= nrBlocks) {
        b = bitmap.nextClearBit(FIRST_DATA_BLOCK);
        if (b >= nrBlocks) {
          return -1;
        }
      }
      bitmap.set(b);
      return b;
    } finally {
      groupLock.unlock();
    }
  }

  void free(long pblk, int count) {
    groupLock.lock();
    try {
      bitmap.clear(Math.toIntExact(pblk), Math.toIntExact(pblk + count));
    } finally {
      groupLock.unlock();
    }
  }

  /** Number of blocks in use. */
  public int used() {
    groupLock.lock();
    try {
      return bitmap.cardinality();
    } finally {
      groupLock.unlock();
    }
  }
}
