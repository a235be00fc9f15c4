package io.hbtrace.agenttest.logsegment;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A log segment that appends records and publishes its end offset after invalidating the pages of a
 * reader cache it overwrote: the same shape as the ext4 race (the size published after the
 * invalidation), in code that was not written for tracing. Pages are {@link #PAGE} bytes.
 */
public final class LogSegment {
  static final int PAGE = 16;

  final long id;
  private final byte[] data = new byte[4096];
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile long endOffset;
  final ReaderCache cache = new ReaderCache(this);

  public LogSegment(long id) {
    this.id = id;
  }

  /** Appends {@code record}; returns the new end offset. */
  public long append(byte[] record) {
    lock.writeLock().lock();
    try {
      long start = endOffset;
      System.arraycopy(record, 0, data, (int) start, record.length);
      long end = start + record.length;
      for (long p = start / PAGE; p <= (end - 1) / PAGE; p++) {
        cache.invalidate(p);
      }
      publishEnd(end);
      return end;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Makes {@code end} visible to readers. */
  void publishEnd(long end) {
    endOffset = end;
  }

  long end() {
    return endOffset;
  }

  /** Reads {@code len} bytes at {@code pos} through the page cache. */
  public byte[] read(long pos, int len) {
    lock.readLock().lock();
    try {
      byte[] out = new byte[len];
      for (int i = 0; i < len; i++) {
        long p = (pos + i) / PAGE;
        out[i] = cache.page(p)[(int) ((pos + i) % PAGE)];
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  byte[] disk(long page) {
    return Arrays.copyOfRange(data, (int) (page * PAGE), (int) (page * PAGE + PAGE));
  }
}
