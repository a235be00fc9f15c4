package io.hbtrace.traces.event;

/** Values of the {@code source} field of {@link BlockFill}: where readpage took a block from. */
public final class Fill {
  /** Read from the device. */
  public static final int DISK = 0;

  /** Zero-filled because the block lies at or after the i_size readpage sampled. */
  public static final int ZERO_PAST_EOF = 1;

  /** Zero-filled because no block is mapped there. */
  public static final int HOLE = 2;

  /** Zero-filled because the block is mapped as an unwritten extent. */
  public static final int UNWRITTEN = 3;

  private Fill() {}

  public static String name(int source) {
    return switch (source) {
      case DISK -> "disk";
      case ZERO_PAST_EOF -> "zero-past-eof";
      case HOLE -> "hole";
      case UNWRITTEN -> "unwritten";
      default -> "source" + source;
    };
  }
}
