package io.hbtrace.traces;

import io.hbtrace.traces.event.EventKind;
import java.util.ArrayDeque;

/**
 * The reader's view of one trace thread: its batches read from the file but not yet merged, and the
 * decoded head event (the thread's next event in seq order). Seqs are delta-coded along the
 * thread's batches, so {@link #prevSeq} carries over from one batch to the next.
 */
final class ThreadStream {
  static final EventKind[] KINDS = new EventKind[256];

  static {
    for (EventKind k : EventKind.values()) {
      KINDS[k.code()] = k;
    }
  }

  final int tid;
  final ArrayDeque<Batch> pending = new ArrayDeque<>();
  final long[] f = new long[EventKind.MAX_FIELDS];

  long prevSeq = -1;
  long nextBatchNo;
  long eventsRead;

  // current batch
  private Batch batch;
  private static final byte[] NONE = new byte[0];
  private final In in = new In(NONE, 0, 0);
  private int left;

  // head event, valid when hasHead
  boolean hasHead;
  long headSeq;
  int headKind;
  int headSite;
  int heapIndex = -1;

  ThreadStream(int tid) {
    this.tid = tid;
  }

  /** A batch document waiting to be merged: events in {@code doc[start, end)}. */
  record Batch(byte[] doc, int start, int end, int events) {}

  /**
   * Decodes the thread's next event into the head fields, moving on to its next pending batch when
   * the current one is used up; {@link #hasHead} is false when none is pending.
   *
   * @return bytes of batches finished on the way (the reader no longer holds them)
   * @throws In.Corrupt on any violation of the event encoding
   * @throws UnknownKind on an event kind code this reader does not know
   */
  long loadHead() {
    long released = 0;
    while (left == 0) {
      if (batch != null) {
        released += batch.doc().length;
        batch = null;
      }
      Batch b = pending.poll();
      if (b == null) {
        // let go of the last batch's bytes: a thread that has ended keeps only this small object
        in.reset(NONE, 0, 0);
        hasHead = false;
        return released;
      }
      batch = b;
      in.reset(b.doc(), b.start(), b.end());
      left = b.events();
    }
    int code = in.u8();
    EventKind k = KINDS[code];
    if (k == null) {
      throw new UnknownKind(code);
    }
    long delta = in.uvarint();
    long seq = prevSeq + 1 + delta;
    if (delta < 0 || seq <= prevSeq) {
      throw new In.Corrupt("seq overflows");
    }
    long site = in.uvarint();
    if (site < 0 || site > 0xFFFF_FFFFL) {
      throw new In.Corrupt("site id " + site + " out of range");
    }
    for (int i = 0, n = k.arity(); i < n; i++) {
      f[i] = in.svarint();
    }
    if (--left == 0 && in.hasMore()) {
      throw new In.Corrupt("batch holds more bytes than its " + batch.events() + " events");
    }
    prevSeq = seq;
    headSeq = seq;
    headKind = code;
    headSite = (int) site;
    hasHead = true;
    return released;
  }

  EventKind headKind() {
    return KINDS[headKind];
  }

  /** An event kind code no kind has. */
  static final class UnknownKind extends In.Corrupt {
    private static final long serialVersionUID = 1L;
    final int code;

    UnknownKind(int code) {
      super("unknown event kind " + code);
      this.code = code;
    }
  }
}
