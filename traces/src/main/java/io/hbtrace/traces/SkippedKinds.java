package io.hbtrace.traces;

import io.hbtrace.traces.event.EventKind;
import java.util.BitSet;
import java.util.Set;

/**
 * The event kinds a reader reads past without making them into objects (see {@link
 * TraceReader#skip}), and what it read past: a count per kind, and the threads that recorded them.
 */
final class SkippedKinds {
  private final boolean[] skip = new boolean[256];
  private final long[] counts = new long[256];
  private final BitSet threads = new BitSet();
  private int lastTid = -1;

  SkippedKinds(Set<EventKind> kinds) {
    for (EventKind k : kinds) {
      skip[k.code()] = true;
    }
  }

  /**
   * True if an event of kind code {@code kind} is read past; it is then counted, with its thread.
   */
  boolean skips(int kind, int tid) {
    if (!skip[kind]) {
      return false;
    }
    counts[kind]++;
    if (tid != lastTid) { // events come in runs of one thread
      threads.set(tid);
      lastTid = tid;
    }
    return true;
  }

  long count(EventKind kind) {
    return counts[kind.code()];
  }

  BitSet threads() {
    return (BitSet) threads.clone();
  }
}
