package io.hbtrace.traces;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * Whether the trace's file system has room for the next write. The queue is memory-mapped, and a
 * write to a page the file system cannot back makes the JVM raise an {@code InternalError} in the
 * writing thread, which may be the recorded program's: so the writer stops before the file system
 * is full, rather than at it. It asks the file system when what it may still write without asking
 * is spent (half of the room above {@link #MARGIN} at the last answer, so a filling disk is asked
 * more and more often), and at least once a second (others write there too).
 */
final class DiskRoom {
  /** Left free: the queue's index and metadata pages, and the page a write may touch. */
  static final long MARGIN = 8L << 20;

  /** How long an answer holds at most. */
  private static final long ASK_EVERY_NANOS = 1_000_000_000L;

  private final LongSupplier usable;
  private long allowance;
  private long askedAt;

  DiskRoom(LongSupplier usable) {
    this.usable = usable;
  }

  /** The room of {@code dir}'s file system; unlimited if the file system does not say. */
  static DiskRoom of(Path dir) {
    FileStore store;
    try {
      store = Files.getFileStore(dir);
    } catch (IOException | RuntimeException e) {
      return new DiskRoom(() -> Long.MAX_VALUE);
    }
    return new DiskRoom(
        () -> {
          try {
            return store.getUsableSpace();
          } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
          }
        });
  }

  /** True if {@code bytes} more may be written; they are then counted against the room. */
  boolean fits(long bytes) {
    long now = System.nanoTime();
    if (bytes > allowance || now - askedAt > ASK_EVERY_NANOS) {
      askedAt = now;
      allowance = Math.max(0, (usable.getAsLong() - MARGIN) / 2);
      if (bytes > allowance) {
        return false;
      }
    }
    allowance -= bytes;
    return true;
  }
}
