package io.hbtrace.samplefs.journal;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The committed metadata: what is on disk after the last commit. Per inode its size and block map,
 * the block bitmap, and the orphan chain. Changed only by commits, under {@link #imageLock}.
 */
public final class DurableMetadata {
  /** One inode as the disk has it. */
  public static final class DurableInode {
    /** The on-disk size (the raw inode's i_size, i.e. i_disksize at the last commit). */
    public long disksize;

    /** Logical block → physical block; negative for an unwritten extent. */
    public final TreeMap<Long, Long> blocks = new TreeMap<>();

    DurableInode copy() {
      DurableInode c = new DurableInode();
      c.disksize = disksize;
      c.blocks.putAll(blocks);
      return c;
    }
  }

  final Map<Long, DurableInode> inodes = new TreeMap<>();
  final BitSet bitmap = new BitSet();
  final Set<Long> orphanChain = new LinkedHashSet<>();
  private final ReentrantLock imageLock = new ReentrantLock();

  DurableInode inode(long ino) {
    return inodes.computeIfAbsent(ino, k -> new DurableInode());
  }

  /** Applies a committed handle's records, atomically with respect to {@link #copy}. */
  void apply(Iterable<MetadataRecord> records) {
    imageLock.lock();
    try {
      for (MetadataRecord r : records) {
        r.applyTo(this);
      }
    } finally {
      imageLock.unlock();
    }
  }

  /** A deep copy: the metadata half of a crash snapshot. */
  public DurableMetadata copy() {
    imageLock.lock();
    try {
      DurableMetadata c = new DurableMetadata();
      inodes.forEach((ino, inode) -> c.inodes.put(ino, inode.copy()));
      c.bitmap.or(bitmap);
      c.orphanChain.addAll(orphanChain);
      return c;
    } finally {
      imageLock.unlock();
    }
  }

  /** Inode numbers and their on-disk state (read-only use: fsck, mount). */
  public Map<Long, DurableInode> inodes() {
    return inodes;
  }

  public BitSet bitmap() {
    return bitmap;
  }

  /** The on-disk orphan chain, oldest first. */
  public Set<Long> orphanChain() {
    return orphanChain;
  }
}
