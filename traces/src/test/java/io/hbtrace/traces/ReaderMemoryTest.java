package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static io.hbtrace.traces.Traces.rec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader's memory is bounded by threads × batch size, not by trace length. */
class ReaderMemoryTest {
  private static final int BATCH = 4096;

  @TempDir Path tmp;

  @ParameterizedTest(name = "flush interval {0} ms")
  @ValueSource(ints = {0, 100}) // 0: owners flush themselves; 100: full halves go to the flusher
  void idleThreadDoesNotMakeTheReaderBufferTheBusyOne(int flushMillis) throws Exception {
    Path dir = tmp.resolve("t");
    int busyEvents = 400_000;
    WriterOptions opts =
        WriterOptions.defaults().withBatchBytes(BATCH).withFlushIntervalMillis(flushMillis);
    CountDownLatch recorded = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    try (TraceWriter w = TraceWriter.create(dir, START, opts)) {
      Thread idle =
          new Thread(
              () -> {
                rec(w, EventKind.OP_BEGIN, 0, 2, 1, 0, 4096);
                recorded.countDown();
                try {
                  finish.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                rec(w, EventKind.OP_END, 0, 2, 1, 0, 4096);
              },
              "idle");
      idle.start();
      recorded.await();
      for (int i = 0; i < busyEvents; i++) {
        rec(w, EventKind.DISK_WRITE, 0, 1, (long) i * 4096, 4096);
      }
      finish.countDown();
      idle.join();
      assertThat(w.stats().batches()).isGreaterThan(100);
    }
    try (TraceReader r = TraceReader.open(dir)) {
      long n = 0;
      for (Event e = r.next(); e != null; e = r.next()) {
        assertThat(e.seq()).isEqualTo(n++);
      }
      assertThat(n).isEqualTo(busyEvents + 2);
      assertThat(r.warnings()).isEmpty();
      // one batch of each thread, plus the one being read ahead
      assertThat(r.bufferedBytesHighWater()).isLessThanOrEqualTo(3L * (BATCH + 64));
    }
  }

  @Test
  void manyBusyThreadsStayWithinThreadsTimesBatch() throws Exception {
    Path dir = tmp.resolve("t");
    int threads = 6;
    WriterOptions opts = WriterOptions.defaults().withBatchBytes(BATCH).withFlushIntervalMillis(0);
    try (TraceWriter w = TraceWriter.create(dir, START, opts)) {
      Thread[] ts = new Thread[threads];
      for (int t = 0; t < threads; t++) {
        int me = t;
        ts[t] =
            new Thread(
                () -> {
                  for (int i = 0; i < 50_000; i++) {
                    rec(w, EventKind.PAGE_LOOKUP, 0, me, i, i & 1);
                  }
                });
        ts[t].start();
      }
      for (Thread t : ts) {
        t.join();
      }
    }
    try (TraceReader r = TraceReader.open(dir)) {
      while (r.next() != null) {
        // drain
      }
      assertThat(r.eventsRead()).isEqualTo(threads * 50_000L);
      assertThat(r.warnings()).isEmpty();
      // each thread's events can lag by the batches written while it was descheduled between
      // taking a seq and committing; the reader's hard bound covers that, far below it here
      assertThat(r.bufferedBytesHighWater()).isLessThan(r.boundBytes());
    }
  }
}
