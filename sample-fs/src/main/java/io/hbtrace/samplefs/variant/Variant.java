package io.hbtrace.samplefs.variant;

import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.fs.Kiocb;

/**
 * Where the variants of the extending direct write differ: what the file system's DIO end_io does
 * (it runs inside {@code iomap_dio_complete}, <em>before</em> the post-IO invalidation), what
 * {@code ext4_dio_write_iter} does after {@code iomap_dio_rw} returns (after it), and where the
 * orphan is added.
 *
 * <p>Everything else — locking, the iomap engine, the page cache — is shared.
 */
public interface Variant {
  /** The name that selects the variant ({@code --variant}). */
  String name();

  /** One line: what it models and where it comes from. */
  String summary();

  /**
   * The end_io of a direct write ({@code ext4_dio_write_end_io} / {@code xfs_dio_write_end_io}),
   * after any unwritten extents were converted; returns 0 or a negative errno. Runs in the
   * submitter when iomap waited, else on a {@code dio-wq} thread with no inode lock.
   */
  int endIo(InodeExtension ext, Kiocb iocb, long size, int error);

  /**
   * What {@code ext4_dio_write_iter} does for an extending write once {@code iomap_dio_rw} returned
   * {@code written} (bytes, 0, or a negative errno, {@code -EIOCBQUEUED} for AIO not waited for);
   * i_rwsem is still held exclusive. Returns the write's result.
   */
  long afterDio(InodeExtension ext, Kiocb iocb, long written);

  /** Whether the orphan is added before {@code iomap_dio_rw} (ext4's rule for extending writes). */
  default boolean orphanAddBeforeIo() {
    return true;
  }

  /** Called by ext4_iomap_alloc after it allocated blocks and stopped its handle. */
  default void afterBlocksAllocated(InodeExtension ext, Kiocb iocb) {}

  /**
   * Whether an extending AIO write is waited for (IOMAP_DIO_FORCE_WAIT), so its completion runs in
   * the submitter under i_rwsem.
   */
  default boolean forceWaitExtendingAio() {
    return true;
  }
}
