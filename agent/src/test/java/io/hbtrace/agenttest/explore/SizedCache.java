package io.hbtrace.agenttest.explore;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The stale-size race in twenty lines, for exploring: a file whose size is published lock-free and
 * whose pages are cached. A writer appends past the end, invalidates the cached page and publishes
 * the new size ({@code racy}; {@code fixed} publishes first); a reader caches the page meanwhile,
 * zero-filling what lies past the size it sampled after inserting it. Afterwards main reads the
 * appended bytes through the cache: stale zeros there are the corruption. Each run starts afresh;
 * {@code main} prints {@code runs=N corrupt=K}.
 */
public final class SizedCache {
  static final int PAGE = 16;

  private final boolean racy;
  private final byte[] disk = new byte[PAGE];
  private final Map<Long, byte[]> cache = new HashMap<>();
  private final ReentrantLock cacheLock = new ReentrantLock();
  private volatile long size;
  private boolean bad;

  SizedCache(boolean racy) {
    this.racy = racy;
  }

  public static void main(String[] args) throws InterruptedException {
    boolean racy = args[0].equals("racy");
    int runs = Integer.parseInt(args[1]);
    int corrupt = 0;
    for (int r = 1; r <= runs; r++) {
      corrupt += new SizedCache(racy).runOnce(r);
    }
    System.out.println("runs=" + runs + " corrupt=" + corrupt);
  }

  int runOnce(int run) throws InterruptedException {
    Arrays.fill(disk, 0, 8, (byte) 'a');
    size = 8;
    Thread writer = new Thread(this::append, "writer");
    Thread reader = new Thread(() -> page(0), "reader");
    writer.start();
    reader.start();
    writer.join();
    reader.join();
    byte[] p = page(0);
    int badAt = -1;
    for (int i = 8; i < PAGE && badAt < 0; i++) {
      badAt = p[i] == 'b' ? -1 : i;
    }
    verified(8, 8, badAt, 'b', badAt < 0 ? 'b' : p[badAt]);
    return bad ? 1 : 0;
  }

  void append() {
    Arrays.fill(disk, 8, PAGE, (byte) 'b');
    if (racy) {
      invalidate(0);
      publish(PAGE);
    } else {
      publish(PAGE);
      invalidate(0);
    }
  }

  void publish(long newSize) {
    size = newSize;
  }

  void invalidate(long index) {
    cacheLock.lock();
    try {
      cache.remove(index);
    } finally {
      cacheLock.unlock();
    }
  }

  /**
   * The cached page. On a miss a new page goes into the cache first, then the size is sampled once
   * and the page filled from disk up to it, zeros past it (as a kernel read inserts a locked page,
   * then reads it): an invalidation from then on drops it.
   */
  byte[] page(long index) {
    byte[] fresh = new byte[PAGE];
    byte[] cached = insert(index, fresh);
    if (cached != fresh) {
      return cached;
    }
    long sampled = sampleSize();
    System.arraycopy(disk, 0, fresh, 0, (int) Math.min(sampled, PAGE));
    return fresh;
  }

  long sampleSize() {
    return size;
  }

  /** The page cached at {@code index}: {@code page} if there was none. */
  byte[] insert(long index, byte[] page) {
    cacheLock.lock();
    try {
      return cache.computeIfAbsent(index, k -> page);
    } finally {
      cacheLock.unlock();
    }
  }

  void verified(long pos, long len, long badOffset, int expected, int actual) {
    bad = badOffset >= 0;
  }
}
