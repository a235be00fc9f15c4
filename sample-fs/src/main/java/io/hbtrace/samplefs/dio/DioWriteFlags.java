package io.hbtrace.samplefs.dio;

/**
 * Bits of the {@code flags} argument of {@link Ext4DioWrite#dioWriteLocked}: what ext4's checks
 * decided about a direct write. Values are part of the hook contract.
 */
public final class DioWriteFlags {
  /** The write ends beyond i_size or i_disksize (ext4_extending_io). */
  public static final int EXTENDING = 1;

  /** iomap waits for the IO (IOMAP_DIO_FORCE_WAIT, or a synchronous kiocb). */
  public static final int FORCE_WAIT = 2;

  /** Submitted asynchronously (AIO). */
  public static final int ASYNC = 4;

  /** Not aligned to the file system block size (ext4_unaligned_io). */
  public static final int UNALIGNED = 8;

  private DioWriteFlags() {}
}
