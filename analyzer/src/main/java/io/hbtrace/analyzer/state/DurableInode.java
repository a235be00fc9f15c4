package io.hbtrace.analyzer.state;

import java.util.Map;
import java.util.TreeMap;

/** What survives a crash of one inode: its on-disk size, orphan chain membership, blocks. */
public final class DurableInode {
  public final long ino;
  public long diskSize;
  public boolean onOrphanChain;

  /** Allocated logical block ranges, start → end (exclusive), merged. */
  private final TreeMap<Long, Long> allocated = new TreeMap<>();

  DurableInode(long ino) {
    this.ino = ino;
  }

  void allocate(long from, long count) {
    long to = from + count;
    Map.Entry<Long, Long> before = allocated.floorEntry(from);
    if (before != null && before.getValue() >= from) {
      from = before.getKey();
      to = Math.max(to, before.getValue());
    }
    Map.Entry<Long, Long> next = allocated.ceilingEntry(from);
    while (next != null && next.getKey() <= to) {
      to = Math.max(to, next.getValue());
      allocated.remove(next.getKey());
      next = allocated.ceilingEntry(from);
    }
    allocated.put(from, to);
  }

  void free(long from, long count) {
    long to = from + count;
    Map.Entry<Long, Long> e = allocated.lowerEntry(to);
    while (e != null && e.getValue() > from) {
      long s = e.getKey();
      long end = e.getValue();
      allocated.remove(s);
      if (s < from) {
        allocated.put(s, from);
      }
      if (end > to) {
        allocated.put(to, end);
      }
      e = allocated.lowerEntry(Math.min(s, to));
    }
  }

  /** First allocated block at or after {@code block}, or -1. */
  public long firstAllocatedFrom(long block) {
    Map.Entry<Long, Long> e = allocated.floorEntry(block);
    if (e != null && e.getValue() > block) {
      return block;
    }
    Long next = allocated.ceilingKey(block);
    return next == null ? -1 : next;
  }

  /** Number of allocated blocks at or after {@code block}. */
  public long allocatedFrom(long block) {
    Long start = allocated.floorKey(block);
    long n = 0;
    for (Map.Entry<Long, Long> e :
        allocated.tailMap(start == null ? block : start, true).entrySet()) {
      n += Math.max(0, e.getValue() - Math.max(block, e.getKey()));
    }
    return n;
  }

  /**
   * Blocks allocated wholly at or after the on-disk size that no orphan entry protects: if the
   * system crashed now, recovery would not free them (the crash-consistency invariant).
   */
  public long unprotectedBlocks(int blockSize) {
    if (onOrphanChain) {
      return 0;
    }
    return allocatedFrom(Math.floorDiv(diskSize + blockSize - 1, blockSize));
  }

  /** Blocks allocated wholly at or after the on-disk size, protected or not. */
  public long blocksBeyondSize(int blockSize) {
    return allocatedFrom(Math.floorDiv(diskSize + blockSize - 1, blockSize));
  }
}
