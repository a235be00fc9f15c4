package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static io.hbtrace.traces.Traces.rec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trace is readable while its writer runs: events older than the flush interval are there. */
class LiveReadTest {
  @TempDir Path tmp;

  @Test
  void eventsOlderThanTheFlushIntervalAreVisibleWhileTheWriterRuns() throws Exception {
    Path dir = tmp.resolve("t");
    try (TraceWriter w =
        TraceWriter.create(dir, START, WriterOptions.defaults().withFlushIntervalMillis(20))) {
      for (int i = 0; i < 1000; i++) {
        rec(w, EventKind.SIZE_UPDATE, 0, 1, i, i + 1);
      }
      Thread.sleep(300); // well past the flush interval: the flusher has swept the idle buffer
      try (TraceReader r = TraceReader.open(dir)) {
        long n = 0;
        while (r.next() != null) {
          n++;
        }
        assertThat(n).isEqualTo(1000);
        assertThat(r.truncated()).isTrue(); // no END yet
      }
      // a reader racing a busy writer sees a clean prefix and no error
      AtomicBoolean stop = new AtomicBoolean();
      Thread writer =
          new Thread(
              () -> {
                // throttled: a reader reads until it catches up, so it must be able to
                for (long i = 0; !stop.get(); i++) {
                  rec(w, EventKind.DISK_WRITE, 0, 1, i, 4096);
                  if (i % 100 == 0) {
                    LockSupport.parkNanos(1_000_000);
                  }
                }
              });
      writer.start();
      Thread.sleep(100);
      for (int round = 0; round < 3; round++) {
        try (TraceReader r = TraceReader.open(dir)) {
          long last = -1;
          for (var e = r.next(); e != null; e = r.next()) {
            assertThat(e.seq()).isGreaterThan(last);
            last = e.seq();
          }
          assertThat(r.eventsRead()).isGreaterThanOrEqualTo(1000);
        }
      }
      stop.set(true);
      writer.join();
    }
    List<?> all = TraceReader.readAll(dir);
    assertThat(all.size()).isGreaterThan(1000);
  }
}
