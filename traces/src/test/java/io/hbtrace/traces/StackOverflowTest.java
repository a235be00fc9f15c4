package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread that records at every depth of a recursion that overflows its stack (a program that
 * recurses until {@code StackOverflowError} and catches it, under the agent): its buffer fills at
 * every depth, the deepest included, and the writer must never be caught half-way through a queue
 * write there.
 */
class StackOverflowTest {
  private static final int KIND = EventKind.JOURNAL_START.code();

  @TempDir Path tmp;

  private static int deeper(TraceWriter w, int n) {
    w.record(KIND, 0, n, 0, 0, 0, 0, 0);
    return deeper(w, n + 1) + 1;
  }

  @Test
  void recordingAtTheEdgeOfTheStackLeavesACompleteTrace() throws Exception {
    Path dir = tmp.resolve("t");
    WriterOptions options =
        WriterOptions.defaults()
            .withBatchBytes(WriterOptions.MIN_BATCH_BYTES) // fills every ~40 events
            .withFlushIntervalMillis(0);
    int[] overflows = new int[1];
    try (TraceWriter w = TraceWriter.create(dir, START, options)) {
      Thread t =
          new Thread(
              null,
              () -> {
                for (int i = 0; i < 50; i++) {
                  try {
                    deeper(w, 0);
                  } catch (StackOverflowError e) {
                    overflows[0]++;
                  }
                }
              },
              "deep",
              512 * 1024);
      t.start();
      t.join();
    }
    assertThat(overflows[0]).isEqualTo(50);
    try (TraceReader r = TraceReader.open(dir)) {
      while (r.next() != null) {
        // drain
      }
      assertThat(r.truncated()).as("%s", r.warnings()).isFalse();
      EndRecord end = r.end().orElseThrow();
      assertThat(r.eventsRead()).isEqualTo(end.eventsWritten()).isGreaterThan(50_000);
      // events at the edge are dropped, not swept (an event whose encoding overflowed after it
      // took its seq is a rare gap)
      assertThat(end.eventsDropped()).isPositive();
      assertThat(r.missingEvents()).isLessThan(10);
    }
  }
}
