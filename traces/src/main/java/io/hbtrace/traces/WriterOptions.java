package io.hbtrace.traces;

/**
 * Tuning of a {@link TraceWriter}. Immutable; start from {@link #defaults()} and change with the
 * {@code with*} methods.
 *
 * <ul>
 *   <li>{@code batchBytes}: capacity of each thread's buffer, so the largest batch document. On
 *       kill -9 a thread loses at most this much; the reader buffers about threads × this much.
 *   <li>{@code flushIntervalMillis}: the background flusher sweeps every buffer this often, so
 *       events older than about this are in the queue (live reading, kill -9). 0: no flusher
 *       thread; buffers are then flushed only when one fills, on {@link TraceWriter#flush()} and on
 *       close.
 *   <li>{@code blockSize}: Chronicle's mapping chunk; the queue file's apparent (sparse) size is at
 *       least this.
 *   <li>{@code closeWaitMillis}: how long close waits for events that took a sequence number but
 *       were not yet committed by a thread still recording (daemon threads at exit).
 * </ul>
 */
public final class WriterOptions {
  /** Smallest accepted batch capacity. */
  public static final int MIN_BATCH_BYTES = 256;

  /** Largest accepted batch capacity (the reader rejects larger batch documents). */
  public static final int MAX_BATCH_BYTES = 1 << 21;

  private static final WriterOptions DEFAULTS = new WriterOptions(16 * 1024, 100, 16L << 20, 200);

  private final int batchBytes;
  private final int flushIntervalMillis;
  private final long blockSize;
  private final int closeWaitMillis;

  private WriterOptions(int batchBytes, int flushIntervalMillis, long blockSize, int closeWait) {
    if (batchBytes < MIN_BATCH_BYTES || batchBytes > MAX_BATCH_BYTES) {
      throw new IllegalArgumentException(
          "batchBytes must be in ["
              + MIN_BATCH_BYTES
              + ", "
              + MAX_BATCH_BYTES
              + "]: "
              + batchBytes);
    }
    if (flushIntervalMillis < 0) {
      throw new IllegalArgumentException("flushIntervalMillis < 0: " + flushIntervalMillis);
    }
    if (blockSize < (64 << 10) || blockSize > (1L << 30)) {
      throw new IllegalArgumentException("blockSize must be in [64 KiB, 1 GiB]: " + blockSize);
    }
    if (closeWait < 0) {
      throw new IllegalArgumentException("closeWaitMillis < 0: " + closeWait);
    }
    this.batchBytes = batchBytes;
    this.flushIntervalMillis = flushIntervalMillis;
    this.blockSize = blockSize;
    this.closeWaitMillis = closeWait;
  }

  /** 16 KiB batches, a flush every 100 ms, 16 MiB blocks, 200 ms close wait. */
  public static WriterOptions defaults() {
    return DEFAULTS;
  }

  public WriterOptions withBatchBytes(int bytes) {
    return new WriterOptions(bytes, flushIntervalMillis, blockSize, closeWaitMillis);
  }

  public WriterOptions withFlushIntervalMillis(int millis) {
    return new WriterOptions(batchBytes, millis, blockSize, closeWaitMillis);
  }

  public WriterOptions withBlockSize(long bytes) {
    return new WriterOptions(batchBytes, flushIntervalMillis, bytes, closeWaitMillis);
  }

  public WriterOptions withCloseWaitMillis(int millis) {
    return new WriterOptions(batchBytes, flushIntervalMillis, blockSize, millis);
  }

  public int batchBytes() {
    return batchBytes;
  }

  public int flushIntervalMillis() {
    return flushIntervalMillis;
  }

  public long blockSize() {
    return blockSize;
  }

  public int closeWaitMillis() {
    return closeWaitMillis;
  }

  @Override
  public String toString() {
    return "WriterOptions[batchBytes="
        + batchBytes
        + ", flushIntervalMillis="
        + flushIntervalMillis
        + ", blockSize="
        + blockSize
        + ", closeWaitMillis="
        + closeWaitMillis
        + "]";
  }
}
