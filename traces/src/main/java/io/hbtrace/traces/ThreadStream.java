package io.hbtrace.traces;

import java.util.ArrayDeque;

/**
 * The reader's view of one trace thread: its batches read from the file but not yet merged, and the
 * decoded head event (the thread's next event in seq order). Seqs are delta-coded along the
 * thread's batches, so {@link #prevSeq} carries over from one batch to the next.
 */
final class ThreadStream {
  final int tid;
  final ArrayDeque<Batch> pending = new ArrayDeque<>();
  final long[] f = new long[io.hbtrace.traces.event.EventKind.MAX_FIELDS];

  long prevSeq = -1;
  long nextBatchNo;
  long eventsRead;

  // current batch
  Batch batch;
  final In in = new In(new byte[0], 0, 0);
  int left;

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
}
