package io.hbtrace.analyzer;

import io.hbtrace.traces.TraceException;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.io.Closeable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a trace on a thread of its own, in chunks handed to the consumer through a short queue, so
 * decoding and merging overlap with the analysis on another core. Memory stays bounded (a few
 * chunks in flight). The consumer hands each chunk back once read, and the reader fills it again:
 * fresh arrays for every 4,096 events took a quarter of the reader thread's CPU (making and first
 * writing new memory; see analyzer/THROUGHPUT.md). A chunk keeps the events it last held reachable
 * until it is filled again: at most {@code (DEPTH + 2) × CHUNK} of them. A reader failure reaches
 * the consumer as the same {@link TraceException}, in order, after the events read before it; any
 * other failure that ends the reading thread (running out of heap) is thrown to the consumer as it
 * was, once it finds the thread gone, instead of a stack trace from that thread. After {@link
 * #next} returned null the reader's end state ({@code truncated()}, {@code warnings()}) may be read
 * on the consumer thread.
 */
public final class ReadAhead implements Closeable {
  private static final int CHUNK = 4096;
  private static final int DEPTH = 4;

  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(DEPTH);

  /** Chunks to fill: every chunk is here, queued, being filled or being read. */
  private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(DEPTH + 2);

  private final Thread thread;

  /** What ended the reading thread before it could hand its last chunk over, if anything did. */
  private volatile Throwable died;

  private Chunk current = new Chunk(CHUNK); // empty: the first next() hands it to the reader
  private int position;

  /** Events with their kinds and threads, as the reader knew them (see {@link #kind}). */
  private static final class Chunk {
    final Event[] events;
    final EventKind[] kinds;
    final int[] threads;
    int size;
    TraceException failure;
    boolean last;

    Chunk(int capacity) {
      events = new Event[capacity];
      kinds = new EventKind[capacity];
      threads = new int[capacity];
    }
  }

  public ReadAhead(TraceReader reader) {
    for (int i = 0; i < DEPTH + 1; i++) { // and current
      free.add(new Chunk(CHUNK));
    }
    thread = new Thread(() -> readAll(reader), "hbtrace-reader");
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler((t, e) -> died = e); // no stack trace: next() reports it
    thread.start();
  }

  /** The next event in order, or null at the end of the readable trace. */
  public Event next() throws TraceException {
    while (position == current.size) {
      if (current.failure != null) {
        throw current.failure;
      }
      if (current.last) {
        return null;
      }
      try {
        free.add(current); // read to the end: the reader may fill it again
        current = take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the trace", e);
      }
      position = 0;
    }
    return current.events[position++];
  }

  /** The next chunk; if the reading thread died without handing one over, what it died of. */
  private Chunk take() throws InterruptedException {
    for (; ; ) {
      Chunk c = queue.poll(100, TimeUnit.MILLISECONDS);
      if (c != null) {
        return c;
      }
      if (!thread.isAlive() && queue.isEmpty()) {
        Throwable e = died;
        if (e instanceof Error error) {
          throw error;
        }
        if (e instanceof RuntimeException failure) {
          throw failure;
        }
        throw new IllegalStateException("the trace reader stopped", e);
      }
    }
  }

  /**
   * The kind of the event {@link #next} returned last, without a call through the {@link Event}
   * interface (see {@link TraceReader#lastKind}).
   */
  public EventKind kind() {
    return current.kinds[position - 1];
  }

  /** The thread of the event {@link #next} returned last. */
  public int thread() {
    return current.threads[position - 1];
  }

  private void readAll(TraceReader reader) {
    try {
      Chunk c = free.take();
      int n = 0;
      TraceException failure = null;
      try {
        Event e;
        while ((e = reader.next()) != null) {
          c.events[n] = e;
          c.kinds[n] = reader.lastKind();
          c.threads[n++] = reader.lastThread();
          if (n == CHUNK) {
            c.size = n;
            queue.put(c);
            c = free.take();
            n = 0;
          }
        }
      } catch (TraceException e) {
        failure = e;
      }
      c.size = n;
      c.failure = failure;
      c.last = true;
      queue.put(c);
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
