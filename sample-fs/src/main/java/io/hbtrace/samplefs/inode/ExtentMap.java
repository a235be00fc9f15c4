package io.hbtrace.samplefs.inode;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The inode's extent tree, kept per logical block: physical block (0 = hole; block 0 of the device
 * is the superblock and never allocated to a file) and whether it is unwritten.
 *
 * <p>Guarded by the inode's {@code i_data_sem}: lookups hold it shared, changes exclusive.
 */
public final class ExtentMap {
  public final long ino;
  private long[] pblk = new long[16];
  private final BitSet unwritten = new BitSet();

  ExtentMap(long ino) {
    this.ino = ino;
  }

  /**
   * The run starting at {@code lblk} of at most {@code maxBlocks} blocks with one mapping type
   * (and, when mapped, contiguous physical blocks): what {@code ext4_map_blocks} returns.
   */
  public BlockMapping lookup(long lblk, int maxBlocks) {
    MappingType type = typeAt(lblk);
    long first = blockAt(lblk);
    int n = 1;
    while (n < maxBlocks && typeAt(lblk + n) == type) {
      if (type != MappingType.HOLE && blockAt(lblk + n) != first + n) {
        break;
      }
      n++;
    }
    return new BlockMapping(lblk, first, n, type);
  }

  public MappingType typeAt(long lblk) {
    if (blockAt(lblk) == 0) {
      return MappingType.HOLE;
    }
    return unwritten.get(Math.toIntExact(lblk)) ? MappingType.UNWRITTEN : MappingType.WRITTEN;
  }

  /** The physical block of {@code lblk}, 0 for a hole. */
  public long blockAt(long lblk) {
    return lblk < pblk.length ? pblk[(int) lblk] : 0;
  }

  /** Highest mapped logical block, or -1 if none. */
  public long lastMapped() {
    for (int i = pblk.length - 1; i >= 0; i--) {
      if (pblk[i] != 0) {
        return i;
      }
    }
    return -1;
  }

  /** {@code ext4_iget}: the extent tree as read from disk at mount. */
  public void load(long lblk, long physical, boolean isUnwritten) {
    map(lblk, physical, isUnwritten);
  }

  void map(long lblk, long physical, boolean isUnwritten) {
    int i = Math.toIntExact(lblk);
    if (i >= pblk.length) {
      pblk = Arrays.copyOf(pblk, Math.max(i + 1, pblk.length * 2));
    }
    pblk[i] = physical;
    unwritten.set(i, isUnwritten);
  }

  void unmap(long lblk) {
    int i = Math.toIntExact(lblk);
    if (i < pblk.length) {
      pblk[i] = 0;
      unwritten.clear(i);
    }
  }

  void markWritten(long lblk) {
    unwritten.clear(Math.toIntExact(lblk));
  }
}
