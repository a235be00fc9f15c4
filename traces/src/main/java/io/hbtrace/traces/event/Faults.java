package io.hbtrace.traces.event;

/** Values of the {@code what} field of {@link Fault}. */
public final class Faults {
  /** The device wrote only part of a direct write (a block-aligned prefix). */
  public static final int SHORT_WRITE = 1;

  /** The device failed an IO (-EIO). */
  public static final int IO_ERROR = 2;

  /** Block allocation failed (-ENOSPC). */
  public static final int ENOSPC = 3;

  /** A page could not be invalidated before a direct IO (-ENOTBLK, buffered fallback). */
  public static final int INVALIDATION_FAILURE = 4;

  private Faults() {}

  public static String name(int what) {
    return switch (what) {
      case SHORT_WRITE -> "short-write";
      case IO_ERROR -> "io-error";
      case ENOSPC -> "enospc";
      case INVALIDATION_FAILURE -> "invalidation-failure";
      default -> "fault" + what;
    };
  }
}
