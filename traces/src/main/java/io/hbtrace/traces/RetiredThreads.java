package io.hbtrace.traces;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;

/**
 * What the END record needs of the threads whose buffers a {@link BatchFlusher} has retired: per
 * thread its events and batches, in arrays indexed by trace thread id (ids are dense from 1), and
 * the events they dropped, summed. Two longs per thread rather than a map entry with its key and
 * value objects, since a program may start threads by the million and the writer keeps these until
 * its END record.
 */
final class RetiredThreads {
  private final BitSet present = new BitSet();
  private long[] events = new long[64];
  private long[] batches = new long[64];
  private long eventSum;
  private long droppedSum;

  /** Records the final counts of thread {@code tid}'s retired buffer (a thread retires once). */
  void add(int tid, long eventCount, long batchCount, long dropped) {
    if (tid >= events.length) {
      int n = Math.max(tid + 1, events.length * 2);
      events = Arrays.copyOf(events, n);
      batches = Arrays.copyOf(batches, n);
    }
    eventSum += eventCount;
    events[tid] = eventCount;
    batches[tid] = batchCount;
    droppedSum += dropped;
    present.set(tid);
  }

  /** Events of every retired thread. */
  long events() {
    return eventSum;
  }

  /** Events the retired threads dropped before they reached their buffers. */
  long dropped() {
    return droppedSum;
  }

  /** Puts {@code tid -> {events, batches}} of every retired thread into {@code perThread}. */
  void copyInto(Map<Integer, long[]> perThread) {
    for (int t = present.nextSetBit(0); t >= 0; t = present.nextSetBit(t + 1)) {
      perThread.put(t, new long[] {events[t], batches[t]});
    }
  }
}
