package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread's buffer starts at {@link ThreadBuffer#INITIAL_BYTES} and doubles, up to the batch
 * capacity, each time it fills: many live threads that record little hold little, and a thread that
 * records much loses nothing and reorders nothing as its buffer grows under a busy flusher.
 */
class BufferGrowthTest {
  @TempDir Path tmp;

  @Test
  void manyLiveThreadsThatRecordAFewEventsHoldSmallArrays() throws Exception {
    int threads = 400;
    WriterOptions o = WriterOptions.defaults().withFlushIntervalMillis(0);
    CountDownLatch recorded = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    long bytes;
    try (TraceWriter w = TraceWriter.create(tmp.resolve("t"), START, o)) {
      for (int i = 0; i < threads; i++) {
        long run = i;
        Thread t =
            new Thread(
                () -> {
                  for (int k = 0; k < 5; k++) {
                    w.record(EventKind.RUN_BEGIN.code(), 0, run, 0, 0, 0, 0, 0);
                  }
                  recorded.countDown();
                  awaitQuietly(go); // alive, so its buffer is not reused, until all have recorded
                });
        t.start();
        started.add(t);
      }
      recorded.await();
      bytes = w.bufferBytes();
      go.countDown();
      for (Thread t : started) {
        t.join();
      }
    }
    assertThat(bytes).isEqualTo((long) threads * ThreadBuffer.INITIAL_BYTES);
    assertThat(TraceReader.readAll(tmp.resolve("t"))).hasSize(5 * threads);
  }

  @Test
  void buffersGrowingUnderABusyFlusherLoseAndReorderNothing() throws Exception {
    int threads = 4;
    int each = 30_000;
    Path dir = tmp.resolve("g");
    WriterOptions o = WriterOptions.defaults().withFlushIntervalMillis(1);
    long bytes;
    try (TraceWriter w = TraceWriter.create(dir, START, o)) {
      List<Thread> started = new ArrayList<>();
      CountDownLatch done = new CountDownLatch(threads);
      CountDownLatch end = new CountDownLatch(1);
      for (int i = 0; i < threads; i++) {
        Thread t =
            new Thread(
                () -> {
                  for (long k = 0; k < each; k++) {
                    // sizes vary, so growths fall at every offset of an event
                    w.record(
                        EventKind.RUN_BEGIN.code(),
                        0,
                        k * (k % 7 == 0 ? 1_000_003 : 1),
                        0,
                        0,
                        0,
                        0,
                        0);
                  }
                  done.countDown();
                  awaitQuietly(end);
                });
        t.start();
        started.add(t);
      }
      done.await();
      bytes = w.bufferBytes();
      end.countDown();
      for (Thread t : started) {
        t.join();
      }
    }
    assertThat(bytes).isEqualTo((long) threads * o.batchBytes());
    Map<Integer, Long> next = new HashMap<>();
    List<Event> got = TraceReader.readAll(dir);
    assertThat(got).hasSize(threads * each);
    for (int i = 0; i < got.size(); i++) {
      Event e = got.get(i);
      assertThat(e.seq()).isEqualTo(i);
      long k = next.merge(e.thread(), 1L, Long::sum) - 1;
      assertThat(e.field(0)).isEqualTo(k * (k % 7 == 0 ? 1_000_003 : 1));
    }
  }

  @Test
  void atTheSmallestBatchCapacityABufferNeverGrows() throws Exception {
    WriterOptions o =
        WriterOptions.defaults()
            .withBatchBytes(WriterOptions.MIN_BATCH_BYTES)
            .withFlushIntervalMillis(0);
    Path dir = tmp.resolve("m");
    long bytes;
    try (TraceWriter w = TraceWriter.create(dir, START, o)) {
      for (int k = 0; k < 1000; k++) {
        w.record(EventKind.RUN_BEGIN.code(), 0, k, 0, 0, 0, 0, 0);
      }
      bytes = w.bufferBytes();
    }
    assertThat(bytes).isEqualTo(WriterOptions.MIN_BATCH_BYTES);
    assertThat(TraceReader.readAll(dir)).extracting(e -> e.field(0)).hasSize(1000).isSorted();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
