package io.hbtrace.traces;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;

/**
 * One thread's event buffer inside a {@link TraceWriter}.
 *
 * <p>Invariants (the whole concurrency story of the recorder):
 *
 * <ul>
 *   <li>Only the owner thread writes {@link #buf} bytes, {@link #pos}, {@link #prevSeq}, {@link
 *       #count}; it encodes an event at {@code pos} and then publishes {@link #committed} = {@code
 *       count << OFFSET_BITS | pos} with a release store. Bytes below the committed offset are
 *       never changed again until the buffer is reset.
 *   <li>Flushers read {@code committed} with an acquire load and copy {@code [flushedOff,
 *       committedOff)}; they touch the {@code flushed*} fields and {@code batchNo} only while
 *       holding the writer lock.
 *   <li>The owner resets {@code pos} to 0 only while holding the writer lock, right after a sweep
 *       that flushed everything it had committed, so no flusher is reading the bytes it reuses.
 *   <li>The owner replaces {@link #buf} by a larger array only while holding the writer lock
 *       ({@link #grow}); flushers read {@code buf} only under it.
 * </ul>
 */
final class ThreadBuffer {
  static final VarHandle COMMITTED;

  static {
    try {
      COMMITTED = MethodHandles.lookup().findVarHandle(ThreadBuffer.class, "committed", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static final long OFFSET_MASK = (1L << Format.OFFSET_BITS) - 1;

  /**
   * A new thread's first array: most threads of a program with many (a server's virtual threads,
   * one per request) record a few events, and an array of the full batch capacity for each of
   * 100,000 live threads would be 1.6 GB; a thread that records more grows its array. No batch
   * capacity is below it.
   */
  static final int INITIAL_BYTES = WriterOptions.MIN_BATCH_BYTES;

  final int tid;
  final WeakReference<Thread> thread;

  /** The events; starts small and grows, up to the writer's batch capacity ({@link #grow}). */
  byte[] buf;

  /** Highest position at which an event of the largest size still fits in {@link #buf}. */
  int limit;

  // owner only
  int pos;
  long prevSeq = -1;
  long count;

  /** Events to drop, with the buffer full, before the stack is probed again ({@link StackRoom}). */
  int dropsBeforeProbe;

  /** The last such wait, doubled after each failed probe up to 1,024; 0 after one that fits. */
  int probeBackoff;

  /** Events the owner dropped (unknown kind, writer failed); read racily by stats. */
  volatile long dropped;

  /** {@code count << OFFSET_BITS | committedOffset}; release-stored by the owner. */
  @SuppressWarnings("unused") // accessed through COMMITTED
  private volatile long committed;

  // under the writer lock
  int flushedOff;
  long flushedCount;
  long batchNo;

  /** A buffer over {@code buf} (fresh, or a dead thread's: its old bytes are never read). */
  ThreadBuffer(int tid, Thread thread, byte[] buf) {
    this.tid = tid;
    this.thread = new WeakReference<>(thread);
    this.buf = buf;
    this.limit = buf.length - Format.MAX_EVENT_BYTES;
  }

  /**
   * Moves the unflushed events into a new array of {@code capacity} bytes, at its start (owner
   * only, under the writer lock, so no flusher is reading the old array).
   */
  void grow(int capacity) {
    byte[] larger = new byte[capacity];
    int unflushed = pos - flushedOff;
    System.arraycopy(buf, flushedOff, larger, 0, unflushed);
    buf = larger;
    limit = capacity - Format.MAX_EVENT_BYTES;
    pos = unflushed;
    flushedOff = 0;
    commit();
  }

  /** Publishes everything encoded so far (owner only). */
  void commit() {
    COMMITTED.setRelease(this, (count << Format.OFFSET_BITS) | pos);
  }

  long committedWord() {
    return (long) COMMITTED.getAcquire(this);
  }

  boolean threadDead() {
    Thread t = thread.get();
    return t == null || !t.isAlive();
  }
}
