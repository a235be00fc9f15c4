package io.hbtrace.analyzer.state;

/**
 * Block and page size of the filesystem being analysed: taken from its MOUNT event, or the defaults
 * given to the analysis when the trace has none (code mapped by a user spec).
 */
public final class Geometry {
  private int blockSize;
  private int pageSize;

  public Geometry(int blockSize, int pageSize) {
    set(blockSize, pageSize);
  }

  public void set(int blockSize, int pageSize) {
    if (blockSize <= 0 || pageSize <= 0) {
      throw new IllegalArgumentException("block and page size must be positive");
    }
    this.blockSize = blockSize;
    this.pageSize = pageSize;
  }

  public int blockSize() {
    return blockSize;
  }

  public int pageSize() {
    return pageSize;
  }

  /** Page index holding file offset {@code pos}. */
  public long pageOf(long pos) {
    return Math.floorDiv(pos, pageSize);
  }

  /** File offset of the first byte of page {@code index}. */
  public long pageStart(long index) {
    return index * pageSize;
  }

  /** Blocks per page (at least 1: a block larger than a page spans several pages). */
  public int blocksPerPage() {
    return Math.max(1, pageSize / blockSize);
  }

  /** File offset of block {@code block} of page {@code index}. */
  public long blockStart(long index, int block) {
    return pageStart(index) + (long) block * Math.min(blockSize, pageSize);
  }

  /** Length in bytes of one block as seen inside a page. */
  public int blockBytesInPage() {
    return Math.min(blockSize, pageSize);
  }
}
