package io.hbtrace.analyzer;

import io.hbtrace.traces.TraceException;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.io.Closeable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a trace on a thread of its own, in chunks handed to the consumer through a short queue, so
 * decoding and merging overlap with the analysis on another core. Memory stays bounded (a few
 * chunks in flight); a reader failure reaches the consumer as the same {@link TraceException}, in
 * order, after the events read before it. After {@link #next} returned null the reader's end state
 * ({@code truncated()}, {@code warnings()}) may be read on the consumer thread.
 */
public final class ReadAhead implements Closeable {
  private static final int CHUNK = 4096;
  private static final int DEPTH = 4;

  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(DEPTH);
  private final Thread thread;
  private Chunk current = new Chunk(new Event[0], new EventKind[0], new int[0], 0, null, false);
  private int position;

  /** Events with their kinds and threads, as the reader knew them (see {@link #kind}). */
  private record Chunk(
      Event[] events,
      EventKind[] kinds,
      int[] threads,
      int size,
      TraceException failure,
      boolean last) {}

  public ReadAhead(TraceReader reader) {
    thread = new Thread(() -> readAll(reader), "hbtrace-reader");
    thread.setDaemon(true);
    thread.start();
  }

  /** The next event in order, or null at the end of the readable trace. */
  public Event next() throws TraceException {
    while (position == current.size()) {
      if (current.failure() != null) {
        throw current.failure();
      }
      if (current.last()) {
        return null;
      }
      try {
        current = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the trace", e);
      }
      position = 0;
    }
    return current.events()[position++];
  }

  /**
   * The kind of the event {@link #next} returned last, without a call through the {@link Event}
   * interface (see {@link TraceReader#lastKind}).
   */
  public EventKind kind() {
    return current.kinds()[position - 1];
  }

  /** The thread of the event {@link #next} returned last. */
  public int thread() {
    return current.threads()[position - 1];
  }

  private void readAll(TraceReader reader) {
    try {
      Event[] chunk = new Event[CHUNK];
      EventKind[] kinds = new EventKind[CHUNK];
      int[] threads = new int[CHUNK];
      int n = 0;
      TraceException failure = null;
      try {
        Event e;
        while ((e = reader.next()) != null) {
          chunk[n] = e;
          kinds[n] = reader.lastKind();
          threads[n++] = reader.lastThread();
          if (n == CHUNK) {
            queue.put(new Chunk(chunk, kinds, threads, n, null, false));
            chunk = new Event[CHUNK];
            kinds = new EventKind[CHUNK];
            threads = new int[CHUNK];
            n = 0;
          }
        }
      } catch (TraceException e) {
        failure = e;
      }
      queue.put(new Chunk(chunk, kinds, threads, n, failure, true));
    } catch (InterruptedException e) {
      // closed by the consumer before the end: stop reading
    }
  }

  /** Stops the reading thread (if the consumer stops early) and waits for it. */
  @Override
  public void close() {
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
