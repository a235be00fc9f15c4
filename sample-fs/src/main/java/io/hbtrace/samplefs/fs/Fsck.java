package io.hbtrace.samplefs.fs;

import io.hbtrace.samplefs.inode.BlockAllocator;
import io.hbtrace.samplefs.journal.DurableMetadata;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * An e2fsck for the committed metadata of file system {@link #fsId}.
 *
 * <p>{@link #checkCrashInvariant} is the crash-consistency invariant of ext4-race.md §6, for the
 * image a crash left, before recovery: every allocated block beyond an inode's on-disk size belongs
 * to an inode on the on-disk orphan chain. {@link #checkClean} is for a recovered or cleanly
 * unmounted image: no block beyond any on-disk size, and a block bitmap that matches the extent
 * maps exactly (no leaked, doubly used or unallocated-but-used block).
 */
public final class Fsck {
  public final long fsId;
  private final int blockSize;
  private final List<String> problems = new ArrayList<>();

  public Fsck(long fsId, int blockSize) {
    this.fsId = fsId;
    this.blockSize = blockSize;
  }

  /** The invariant before recovery; returns the number of violating inodes. */
  public int checkCrashInvariant(DurableMetadata image) {
    int violations = 0;
    for (Map.Entry<Long, DurableMetadata.DurableInode> e : image.inodes().entrySet()) {
      long past = blocksPastSize(e.getValue());
      if (past > 0 && !image.orphanChain().contains(e.getKey())) {
        problems.add(
            "inode "
                + e.getKey()
                + ": "
                + past
                + " block(s) beyond on-disk size "
                + e.getValue().disksize
                + ", not on the orphan chain");
        violations++;
      }
    }
    return fsck(violations);
  }

  /** A clean image: no blocks past EOF, bitmap = extents. Returns the number of problems. */
  public int checkClean(DurableMetadata image) {
    int violations = 0;
    BitSet referenced = new BitSet();
    for (Map.Entry<Long, DurableMetadata.DurableInode> e : image.inodes().entrySet()) {
      long past = blocksPastSize(e.getValue());
      if (past > 0) {
        problems.add("inode " + e.getKey() + ": " + past + " block(s) beyond on-disk size");
        violations++;
      }
      for (long p : e.getValue().blocks.values()) {
        int pblk = Math.toIntExact(Math.abs(p));
        if (referenced.get(pblk)) {
          problems.add("block " + pblk + " used twice");
          violations++;
        }
        referenced.set(pblk);
      }
    }
    BitSet bitmap = image.bitmap().get(0, image.bitmap().length());
    bitmap.clear(0, BlockAllocator.FIRST_DATA_BLOCK);
    BitSet leaked = (BitSet) bitmap.clone();
    leaked.andNot(referenced);
    BitSet unallocated = (BitSet) referenced.clone();
    unallocated.andNot(bitmap);
    if (!leaked.isEmpty()) {
      problems.add(leaked.cardinality() + " block(s) leaked in the bitmap: " + leaked);
      violations++;
    }
    if (!unallocated.isEmpty()) {
      problems.add(unallocated.cardinality() + " block(s) used but free in the bitmap");
      violations++;
    }
    return fsck(violations);
  }

  /** The outcome of a check of file system {@link #fsId}: {@code violations} problems found. */
  int fsck(int violations) {
    return violations;
  }

  private long blocksPastSize(DurableMetadata.DurableInode inode) {
    long firstPast = (inode.disksize + blockSize - 1) / blockSize;
    return inode.blocks.tailMap(firstPast, true).size();
  }

  /** What the checks found, one line each. */
  public List<String> problems() {
    return problems;
  }
}
