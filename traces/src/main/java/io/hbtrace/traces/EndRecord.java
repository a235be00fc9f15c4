package io.hbtrace.traces;

import java.util.List;

/**
 * The END record the writer appends when it closes. A trace without one was not closed (the writer
 * was killed, or is still running). See {@code FORMAT.md}, "END".
 *
 * @param endEpochMillis wall-clock time of the close
 * @param seqsTaken sequence numbers handed out: events are numbered {@code [0, seqsTaken)}
 * @param eventsWritten events in batches of this trace; equals the sum of {@link #threads()}
 * @param eventsDropped events passed to {@code record} that are not in the trace: recorded after
 *     close, with an unknown kind, or still in flight when the close gave up waiting
 * @param threads per trace thread: events and batches written
 */
public record EndRecord(
    long endEpochMillis,
    long seqsTaken,
    long eventsWritten,
    long eventsDropped,
    List<ThreadCount> threads) {

  public EndRecord {
    threads = List.copyOf(threads);
  }

  /** Events and batches one trace thread wrote. */
  public record ThreadCount(int thread, long events, long batches) {}

  /** Events of trace thread {@code tid} written, or 0 if it wrote none. */
  public long eventsOf(int tid) {
    for (ThreadCount c : threads) {
      if (c.thread() == tid) {
        return c.events();
      }
    }
    return 0;
  }
}
