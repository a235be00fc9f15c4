package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static io.hbtrace.traces.Traces.rec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer stops before the trace's file system is full, leaving a trace that reads. */
class DiskRoomTest {
  @TempDir Path tmp;

  @Test
  void theFileSystemIsAskedOnlyWhenTheAllowanceIsSpent() {
    AtomicLong asked = new AtomicLong();
    DiskRoom room =
        new DiskRoom(
            () -> {
              asked.incrementAndGet();
              return DiskRoom.MARGIN + 2_000; // allowance: half of 2,000
            });
    assertThat(room.fits(600)).isTrue(); // asks: 1,000 allowed, 400 left
    assertThat(room.fits(400)).isTrue(); // within the allowance: not asked
    assertThat(asked).hasValue(1);
    assertThat(room.fits(1)).isTrue(); // asks again: 1,000 allowed afresh
    assertThat(room.fits(1_500)).isFalse(); // asks: more than the allowance
    assertThat(asked).hasValue(3);
  }

  @Test
  void aFullFileSystemStopsTheWritingAndTheTraceReadsUpToThere() throws Exception {
    AtomicLong usable = new AtomicLong(DiskRoom.MARGIN + 8_000); // 4,000 bytes allowed
    Path dir = tmp.resolve("t");
    WriterOptions options = WriterOptions.defaults().withFlushIntervalMillis(0);
    try (TraceWriter w =
        TraceWriter.create(
            dir, START, options, SystemTimeProvider.INSTANCE, new DiskRoom(usable::get))) {
      for (int i = 0; i < 100; i++) {
        rec(w, EventKind.JOURNAL_START, 0, i);
      }
      w.flush();
      usable.set(DiskRoom.MARGIN); // the file system fills up
      for (int i = 0; i < 2_000; i++) { // more than the rest of the allowance: it asks again
        rec(w, EventKind.JOURNAL_START, 0, i);
      }
      w.flush();
      assertThat(w.outOfRoom()).isTrue();
    }
    try (TraceReader r = TraceReader.open(dir)) {
      while (r.next() != null) {
        // drain
      }
      assertThat(r.eventsRead()).isEqualTo(100);
      assertThat(r.truncated()).isTrue(); // no END: it did not fit either
    }
  }
}
