package io.hbtrace.samplefs;

/**
 * The Linux errno values the model returns, negated as the kernel returns them ({@code -EIO}).
 *
 * <p>Every operation of the model returns a byte count or one of these, never throws for an IO
 * outcome: a Java exception means a bug in the model or a simulated crash.
 */
public final class Errno {
  public static final int EIO = -5;
  public static final int EBUSY = -16;
  public static final int EINVAL = -22;
  public static final int ENOSPC = -28;

  /** Internal to iomap: "fall back to buffered IO" (include/linux/errno.h). */
  public static final int ENOTBLK = -15;

  /** Internal to the AIO path: the IO was queued and completes later (include/linux/errno.h). */
  public static final int EIOCBQUEUED = -529;

  private Errno() {}

  /** The symbolic name of a negative errno, for messages. */
  public static String name(long err) {
    return switch ((int) err) {
      case EIO -> "EIO";
      case EBUSY -> "EBUSY";
      case EINVAL -> "EINVAL";
      case ENOSPC -> "ENOSPC";
      case ENOTBLK -> "ENOTBLK";
      case EIOCBQUEUED -> "EIOCBQUEUED";
      default -> "errno" + err;
    };
  }
}
