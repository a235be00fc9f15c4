package io.hbtrace.traces.event;

/** Bits of the {@code flags} field of {@link DioWriteBegin}. */
public final class DioFlags {
  /** The write ends beyond i_size or i_disksize. */
  public static final int EXTENDING = 1;

  /** iomap was asked to wait for completion (IOMAP_DIO_FORCE_WAIT, or a synchronous kiocb). */
  public static final int FORCE_WAIT = 2;

  /** Submitted asynchronously (AIO): completion may run on another thread. */
  public static final int ASYNC = 4;

  /** Not aligned to the filesystem block size. */
  public static final int UNALIGNED = 8;

  private DioFlags() {}

  public static boolean has(int flags, int bit) {
    return (flags & bit) != 0;
  }

  /** Readable form, e.g. {@code "extending|force-wait"}, or {@code "-"} when none is set. */
  public static String describe(int flags) {
    StringBuilder b = new StringBuilder();
    append(b, flags, EXTENDING, "extending");
    append(b, flags, FORCE_WAIT, "force-wait");
    append(b, flags, ASYNC, "async");
    append(b, flags, UNALIGNED, "unaligned");
    return b.length() == 0 ? "-" : b.toString();
  }

  private static void append(StringBuilder b, int flags, int bit, String name) {
    if (has(flags, bit)) {
      b.append(b.length() == 0 ? "" : "|").append(name);
    }
  }
}
