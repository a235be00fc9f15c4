package io.hbtrace.samplefs.fs;

/**
 * {@code struct iov_iter} over one user buffer: {@link #offset} bytes consumed so far, {@link
 * #count()} left.
 */
public final class IovIter {
  public final byte[] buf;
  private final int start;
  private int offset;
  private int count;

  public IovIter(byte[] buf, int start, int count) {
    this.buf = buf;
    this.start = start;
    this.count = count;
  }

  public static IovIter of(byte[] buf) {
    return new IovIter(buf, 0, buf.length);
  }

  public int count() {
    return count;
  }

  /** Bytes consumed so far. */
  public int done() {
    return offset;
  }

  /** {@code copy_to_iter}: kernel data out to the user buffer. */
  public void copyOut(byte[] src, int srcOff, int n) {
    System.arraycopy(src, srcOff, buf, start + offset, n);
    advance(n);
  }

  /** Zeroes out to the user buffer (a hole read by O_DIRECT). */
  public void zeroOut(int n) {
    java.util.Arrays.fill(buf, start + offset, start + offset + n, (byte) 0);
    advance(n);
  }

  /** {@code copy_from_iter}: user data into a kernel buffer. */
  public void copyIn(byte[] dst, int dstOff, int n) {
    System.arraycopy(buf, start + offset, dst, dstOff, n);
    advance(n);
  }

  /** Position in {@link #buf} of the next byte. */
  public int bufferPosition() {
    return start + offset;
  }

  public void advance(int n) {
    offset += n;
    count -= n;
  }
}
