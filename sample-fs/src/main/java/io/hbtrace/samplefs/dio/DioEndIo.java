package io.hbtrace.samplefs.dio;

import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.variant.Variant;

/**
 * {@code iomap_dio_ops->end_io} of a direct write: {@code ext4_dio_write_end_io} (or {@code
 * xfs_dio_write_end_io} for the XFS-style variant). The common part converts the unwritten extents
 * the write covered; the rest is the variant's.
 */
public final class DioEndIo {
  private final InodeExtension ext;
  private final Variant variant;

  public DioEndIo(InodeExtension ext, Variant variant) {
    this.ext = ext;
    this.variant = variant;
  }

  /**
   * The end_io callback for the write {@code iocb}: {@code size} bytes done, {@code error} 0 or a
   * negative errno, {@code dioFlags} the {@link Dio} flags. Returns 0 or a negative errno.
   */
  public int endIo(Kiocb iocb, long size, int error, int dioFlags) {
    if (error == 0 && size > 0 && (dioFlags & Dio.UNWRITTEN) != 0) {
      error = ext.convertUnwrittenExtents(iocb.inode, iocb.pos, size);
    }
    return variant.endIo(ext, iocb, size, error);
  }
}
