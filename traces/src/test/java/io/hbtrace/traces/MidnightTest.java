package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static io.hbtrace.traces.Traces.rec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.SizeUpdate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording that passes midnight UTC goes on in the next day's queue file (the daily roll cycle),
 * and the reader follows it: every event, in order, and the END record from the second file.
 */
class MidnightTest {
  @TempDir Path tmp;

  @Test
  void aRunPastMidnightReadsWhole() throws Exception {
    Path dir = tmp.resolve("t");
    SetTimeProvider clock = new SetTimeProvider(Instant.parse("2026-12-05T23:59:59Z"));
    WriterOptions options = WriterOptions.defaults().withFlushIntervalMillis(0);
    try (TraceWriter w = TraceWriter.create(dir, START, options, clock, null)) {
      for (int i = 0; i < 300; i++) {
        if (i == 150) {
          w.flush(); // the first half into the first day's file
          clock.advanceMillis(2_000);
        }
        rec(w, EventKind.SIZE_UPDATE, 0, 7, i, i + 1);
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cq4")))
          .containsExactlyInAnyOrder("20261205F.cq4", "20261206F.cq4");
    }
    List<Event> events;
    try (TraceReader r = TraceReader.open(dir)) {
      events = new ArrayList<>();
      for (Event e = r.next(); e != null; e = r.next()) {
        events.add(e);
      }
      assertThat(r.truncated()).isFalse();
      assertThat(r.missingEvents()).isZero();
    }
    assertThat(events).hasSize(300);
    for (int i = 0; i < events.size(); i++) {
      assertThat(((SizeUpdate) events.get(i)).oldSize()).isEqualTo(i);
    }
  }
}
