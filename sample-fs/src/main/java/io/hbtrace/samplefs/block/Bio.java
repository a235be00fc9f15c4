package io.hbtrace.samplefs.block;

/**
 * {@code struct bio}: one contiguous transfer between memory and the device.
 *
 * <p>It carries the inode number and file position it belongs to ({@code bi_private} leads there in
 * the kernel) so that every IO is attributable to a file range. {@link #status} is 0 or a negative
 * errno once the device has completed it.
 */
public final class Bio {
  /** {@code REQ_OP_READ}. */
  public static final int REQ_OP_READ = 0;

  /** {@code REQ_OP_WRITE}: file data. */
  public static final int REQ_OP_WRITE = 1;

  /** {@code REQ_OP_WRITE_ZEROES}: zeroing of a partial block (iomap_dio_zero). */
  public static final int REQ_OP_WRITE_ZEROES = 2;

  public final int op;

  /** True for a direct IO's bio (iomap); false for writeback, readahead and the journal. */
  public final boolean direct;

  public final long ino;
  public final long filePos;
  public final int length;

  /** Byte offset on the device. */
  public final long deviceOffset;

  public final byte[] buffer;
  public final int bufferOffset;
  final BioEndIo endIo;

  /** {@code bi_status}: 0, or a negative errno set by the device. */
  public volatile int status;

  long deadlineNanos;

  public Bio(
      int op,
      long ino,
      long filePos,
      int length,
      long deviceOffset,
      byte[] buffer,
      int bufferOffset,
      BioEndIo endIo) {
    this(op, false, ino, filePos, length, deviceOffset, buffer, bufferOffset, endIo);
  }

  public Bio(
      int op,
      boolean direct,
      long ino,
      long filePos,
      int length,
      long deviceOffset,
      byte[] buffer,
      int bufferOffset,
      BioEndIo endIo) {
    this.op = op;
    this.direct = direct;
    this.ino = ino;
    this.filePos = filePos;
    this.length = length;
    this.deviceOffset = deviceOffset;
    this.buffer = buffer;
    this.bufferOffset = bufferOffset;
    this.endIo = endIo;
  }
}
