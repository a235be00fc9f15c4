package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread's buffer array is reused by a later thread once the first has ended, its unflushed
 * events copied out first, so nothing is lost or reordered, and short-lived threads allocate no
 * buffers.
 */
class BufferReuseTest {
  /** No flusher thread: buffers reach the queue only when a test flushes or a buffer fills. */
  private static final WriterOptions NO_FLUSHER =
      WriterOptions.defaults().withFlushIntervalMillis(0);

  @TempDir Path tmp;

  @Test
  void shortLivedThreadsReuseTheBuffersOfThreadsThatEnded() throws Exception {
    Path dir = tmp.resolve("t");
    int threads = 50;
    // no flusher thread; each child's events reach the queue through the flush after its join
    int allocated;
    try (TraceWriter w = TraceWriter.create(dir, START, NO_FLUSHER)) {
      w.record(EventKind.RUN_BEGIN.code(), 0, -1, 0, 0, 0, 0, 0);
      for (int i = 0; i < threads; i++) {
        recordThreeOnAThreadThatEnds(w, i);
        w.flush();
      }
      allocated = w.buffersAllocated();
    }
    assertThat(allocated).as("main's and the first child's; every later child reuses").isEqualTo(2);
    List<Event> got = allInOrder(dir, 1 + 3 * threads);
    assertThat(got.stream().map(e -> e.thread()).distinct()).hasSize(1 + threads);
  }

  @Test
  void aDeadThreadsUnflushedEventsSurviveTheReuseOfItsArray() throws Exception {
    Path dir = tmp.resolve("u");
    int allocated;
    try (TraceWriter w = TraceWriter.create(dir, START, NO_FLUSHER)) {
      for (int i = 0; i < 3; i++) {
        long run = i;
        Thread t = new Thread(() -> w.record(EventKind.RUN_BEGIN.code(), 0, run, 0, 0, 0, 0, 0));
        t.start();
        t.join(); // no flush: the dead thread's event is still only in its buffer
      }
      allocated = w.buffersAllocated();
    }
    assertThat(allocated).isEqualTo(1);
    assertThat(TraceReader.readAll(dir)).extracting(e -> e.field(0)).containsExactly(0L, 1L, 2L);
  }

  @Test
  void arraysTheFlusherReapedAreReusedWithNothingLost() throws Exception {
    Path dir = tmp.resolve("r");
    int threads = 10;
    WriterOptions o = WriterOptions.defaults().withFlushIntervalMillis(2);
    int allocated;
    try (TraceWriter w = TraceWriter.create(dir, START, o)) {
      w.record(EventKind.RUN_BEGIN.code(), 0, -1, 0, 0, 0, 0, 0);
      for (int i = 0; i < threads; i++) {
        recordThreeOnAThreadThatEnds(w, i);
        long want = 1 + 3 * (i + 1);
        for (int k = 0; k < 500 && w.stats().eventsWritten() < want; k++) {
          Thread.sleep(10); // until the flusher has swept the dead thread's events (and reaped it)
        }
      }
      allocated = w.buffersAllocated();
    }
    assertThat(allocated).isEqualTo(2);
    List<Event> got = allInOrder(dir, 1 + 3 * threads);
    for (int i = 0; i < got.size(); i++) {
      assertThat(got.get(i).field(0)).isEqualTo(i == 0 ? -1 : (i - 1) / 3 * 10 + (i - 1) % 3);
    }
  }

  @Test
  void aNewThreadTakesASpareArrayWithoutWaitingForTheWriterLock() throws Exception {
    Path dir = tmp.resolve("s");
    int allocated;
    try (TraceWriter w = TraceWriter.create(dir, START, NO_FLUSHER)) {
      w.record(EventKind.RUN_BEGIN.code(), 0, -1, 0, 0, 0, 0, 0);
      recordThreeOnAThreadThatEnds(w, 0);
      for (int i = 1; i < 20_000; i++) { // main's buffer fills: its sweeps reap the child's array
        w.record(EventKind.RUN_BEGIN.code(), 0, -1, 0, 0, 0, 0, 0);
      }
      Field lock = TraceWriter.class.getDeclaredField("lock");
      lock.setAccessible(true);
      Thread t =
          new Thread(() -> w.record(EventKind.RUN_BEGIN.code(), 0, 10, 0, 0, 0, 0, 0), "second");
      synchronized (lock.get(w)) { // a sweep in progress, as far as the new thread can tell
        t.start();
        t.join(10_000);
        assertThat(t.isAlive()).as("the new thread waited for the writer lock").isFalse();
      }
      allocated = w.buffersAllocated();
    }
    assertThat(allocated).as("main's and the first child's").isEqualTo(2);
    assertThat(TraceReader.readAll(dir))
        .hasSize(3 + 20_000 + 1)
        .filteredOn(e -> e.field(0) >= 0)
        .extracting(e -> e.field(0))
        .containsExactly(0L, 1L, 2L, 10L);
  }

  @Test
  void threadsWhoseBuffersWereTakenOverStillCountInStatsAndTheEndRecord() throws Exception {
    Path dir = tmp.resolve("c");
    int threads = 70; // past the first size of the retired threads' table
    WriterStats stats;
    try (TraceWriter w = TraceWriter.create(dir, START, NO_FLUSHER)) {
      for (int i = 0; i < threads; i++) {
        Thread t =
            new Thread(
                () -> {
                  w.record(EventKind.RUN_BEGIN.code(), 0, 1, 0, 0, 0, 0, 0);
                  w.record(255, 0, 0, 0, 0, 0, 0, 0); // no such kind: dropped by its thread
                  w.record(EventKind.RUN_BEGIN.code(), 0, 2, 0, 0, 0, 0, 0);
                });
        t.start();
        t.join(); // the next thread takes over this one's buffer, retiring it
      }
      stats = w.stats();
    }
    assertThat(stats.eventsRecorded()).isEqualTo(2L * threads);
    assertThat(stats.eventsDropped()).isEqualTo(threads);
    try (TraceReader r = TraceReader.open(dir)) {
      while (r.next() != null) {}
      EndRecord end = r.end().orElseThrow();
      assertThat(end.eventsDropped()).isEqualTo(threads);
      assertThat(end.threads()).hasSize(threads);
      assertThat(end.threads()).extracting(EndRecord.ThreadCount::events).containsOnly(2L);
      assertThat(end.threads()).extracting(EndRecord.ThreadCount::thread).isSorted();
    }
  }

  /** Reads the whole trace, checking it holds {@code n} events with order keys 0..n-1. */
  private static List<Event> allInOrder(Path dir, int n) throws TraceException {
    List<Event> got = TraceReader.readAll(dir);
    assertThat(got).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(got.get(i).seq()).isEqualTo(i);
    }
    return got;
  }

  /** Runs a thread named {@code short-i} that records three events, and waits for it to end. */
  private static void recordThreeOnAThreadThatEnds(TraceWriter w, int i)
      throws InterruptedException {
    Thread t =
        new Thread(
            () -> {
              for (int k = 0; k < 3; k++) {
                w.record(EventKind.RUN_BEGIN.code(), 0, i * 10L + k, 0, 0, 0, 0, 0);
              }
            },
            "short-" + i);
    t.start();
    t.join();
  }

  /**
   * A pool that clears its threads' thread-local values between tasks (the common ForkJoinPool on
   * Java 25) does not start the thread over: it goes on with its buffer, batch numbers and keys, so
   * the trace reads back whole and in order.
   */
  @Test
  void aThreadWhoseThreadLocalsWereClearedGoesOnWithItsBuffer() throws Exception {
    Path dir = tmp.resolve("cleared");
    try (TraceWriter w = TraceWriter.create(dir, START, NO_FLUSHER)) {
      for (int task = 0; task < 3; task++) {
        w.record(EventKind.JOURNAL_START.code(), 0, task, 0, 0, 0, 0, 0);
        w.flush();
        w.clearThreadLocal();
      }
      w.record(EventKind.JOURNAL_START.code(), 0, 3, 0, 0, 0, 0, 0);
      assertThat(w.buffersAllocated()).isEqualTo(1);
    }
    try (TraceReader r = TraceReader.open(dir)) {
      List<Long> fields = new java.util.ArrayList<>();
      for (Event e = r.next(); e != null; e = r.next()) {
        fields.add(e.field(0));
        assertThat(e.thread()).isEqualTo(1);
      }
      assertThat(fields).containsExactly(0L, 1L, 2L, 3L);
      assertThat(r.warnings()).isEmpty();
    }
  }
}
