package io.hbtrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.TraceStart;
import io.hbtrace.traces.TraceWriter;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {
  @TempDir Path tmp;

  /**
   * Enough events for more chunks than are ever in flight (so chunks are filled again after being
   * read) and a partial last one, of two kinds from two threads.
   */
  private Path trace() throws Exception {
    Path dir = tmp.resolve("t");
    try (TraceWriter w =
        TraceWriter.create(dir, new TraceStart("hbtrace-test", "1", "Main", List.of(), Map.of()))) {
      Runnable work =
          () -> {
            for (int i = 0; i < 30_000; i++) {
              EventKind kind = i % 3 == 0 ? EventKind.DISKSIZE_UPDATE : EventKind.SIZE_UPDATE;
              w.record(kind.code(), 0, 12, i, i + 1, 0, 0, 0);
            }
          };
      Thread other = new Thread(work);
      other.start();
      work.run();
      other.join();
    }
    return dir;
  }

  @Test
  void deliversEveryEventInTheReadersOrder() throws Exception {
    Path dir = trace();
    List<Event> expected = TraceReader.readAll(dir);
    List<Event> got = new ArrayList<>();
    try (TraceReader reader = TraceReader.open(dir);
        ReadAhead ahead = new ReadAhead(reader)) {
      Event e;
      while ((e = ahead.next()) != null) {
        got.add(e);
        if (ahead.kind() != e.kind() || ahead.thread() != e.thread()) {
          throw new AssertionError(
              "kind or thread of " + e + ": " + ahead.kind() + ", " + ahead.thread());
        }
      }
      assertThat(ahead.next()).isNull();
      assertThat(reader.truncated()).isFalse();
    }
    assertThat(got).hasSize(60_000).isEqualTo(expected);
  }

  @Test
  void closingEarlyStopsTheReadingThread() throws Exception {
    Path dir = trace();
    try (TraceReader reader = TraceReader.open(dir)) {
      ReadAhead ahead = new ReadAhead(reader);
      assertThat(ahead.next()).isNotNull();
      ahead.close();
      assertThat(
              Thread.getAllStackTraces().keySet().stream()
                  .filter(t -> t.getName().equals("hbtrace-reader") && t.isAlive()))
          .isEmpty();
    }
  }

  /**
   * A failure of the reading thread that is not a {@link io.hbtrace.traces.TraceException} (here
   * the reader was closed under it; also running out of heap there) reaches the consumer as it was,
   * instead of a stack trace from that thread and a consumer waiting forever.
   */
  @Test
  @Timeout(60)
  void aReadingThreadsOtherFailureIsThrownToTheConsumer() throws Exception {
    Path dir = trace();
    TraceReader reader = TraceReader.open(dir);
    reader.close();
    try (ReadAhead ahead = new ReadAhead(reader)) {
      assertThatThrownBy(ahead::next)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("reader closed");
    }
  }
}
