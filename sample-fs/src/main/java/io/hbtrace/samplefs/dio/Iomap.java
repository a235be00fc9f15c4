package io.hbtrace.samplefs.dio;

/** {@code struct iomap}: how a file range maps to the device, as ext4_iomap_begin reports it. */
public final class Iomap {
  /** IOMAP_HOLE. */
  public static final int HOLE = 0;

  /** IOMAP_MAPPED: written blocks. */
  public static final int MAPPED = 1;

  /** IOMAP_UNWRITTEN. */
  public static final int UNWRITTEN = 2;

  public int type;

  /** File offset of the mapping (bytes). */
  public long offset;

  /** Length of the mapping (bytes). */
  public long length;

  /** Device byte offset of {@link #offset}. */
  public long addr;

  /** IOMAP_F_NEW: the blocks were just allocated. */
  public boolean isNew;
}
