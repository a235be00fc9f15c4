package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static io.hbtrace.traces.Traces.rec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader told to skip some kinds returns every other event, in the same order, and counts what it
 * read past, per kind and thread, without taking the skipped seqs for missing ones.
 */
class SkipKindsTest {
  private static final Set<EventKind> SKIPPED = Set.of(EventKind.OBJECT_NEW, EventKind.PAGE_LOOKUP);

  @TempDir Path tmp;

  @Test
  void skippedKindsAreCountedNotReturned() throws Exception {
    Path dir = tmp.resolve("t");
    int[] tids = new int[3];
    // small batches: the skipped events straddle batch boundaries
    WriterOptions opts = WriterOptions.defaults().withBatchBytes(256);
    try (TraceWriter w = TraceWriter.create(dir, START, opts)) {
      tids[0] = w.threadId(Thread.currentThread());
      Thread onlySkipped = new Thread(() -> repeat(w, 300, EventKind.OBJECT_NEW), "only-skipped");
      Thread mixed =
          new Thread(
              () -> {
                for (int i = 0; i < 200; i++) {
                  rec(w, EventKind.PAGE_LOOKUP, 0, 12, i, 1);
                  rec(w, EventKind.LOCK_ACQUIRE, 0, 5, 0);
                  rec(w, EventKind.LOCK_RELEASE, 0, 5, 0);
                }
              },
              "mixed");
      tids[1] = w.threadId(onlySkipped);
      tids[2] = w.threadId(mixed);
      rec(w, EventKind.THREAD_START, 0, tids[1]);
      onlySkipped.start();
      rec(w, EventKind.THREAD_START, 0, tids[2]);
      mixed.start();
      for (int i = 0; i < 100; i++) {
        rec(w, EventKind.OBJECT_NEW, 0, 100 + i, 0);
        rec(w, EventKind.VOLATILE_WRITE, 0, 1, 7, i);
      }
      onlySkipped.join();
      mixed.join();
    }

    List<Event> all = new ArrayList<>();
    List<String> allWarnings;
    try (TraceReader r = TraceReader.open(dir)) {
      for (Event e; (e = r.next()) != null; ) {
        all.add(e);
      }
      allWarnings = r.warnings();
    }
    try (TraceReader r = TraceReader.open(dir)) {
      r.skip(SKIPPED);
      List<Event> kept = new ArrayList<>();
      for (Event e; (e = r.next()) != null; ) {
        kept.add(e);
        assertThat(r.lastKind()).isEqualTo(e.kind());
        assertThat(r.lastThread()).isEqualTo(e.thread());
      }

      assertThat(kept).isEqualTo(all.stream().filter(e -> !SKIPPED.contains(e.kind())).toList());
      assertThat(r.skipped(EventKind.OBJECT_NEW)).isEqualTo(400);
      assertThat(r.skipped(EventKind.PAGE_LOOKUP)).isEqualTo(200);
      assertThat(r.skipped(EventKind.LOCK_ACQUIRE)).isZero();
      BitSet threads = new BitSet();
      threads.set(tids[0]);
      threads.set(tids[1]);
      threads.set(tids[2]);
      assertThat(r.skippedThreads()).isEqualTo(threads);
      assertThat(r.warnings()).isEqualTo(allWarnings);
      assertThat(r.truncated()).isFalse();
    }
  }

  @Test
  void noSkippedKindsReturnsEveryEvent() throws Exception {
    Path dir = tmp.resolve("u");
    try (TraceWriter w = TraceWriter.create(dir, START, WriterOptions.defaults())) {
      repeat(w, 10, EventKind.OBJECT_NEW);
    }
    try (TraceReader r = TraceReader.open(dir)) {
      r.skip(Set.of());
      int n = 0;
      while (r.next() != null) {
        n++;
      }
      assertThat(n).isEqualTo(10);
      assertThat(r.skipped(EventKind.OBJECT_NEW)).isZero();
      assertThat(r.skippedThreads().isEmpty()).isTrue();
    }
  }

  private static void repeat(TraceWriter w, int n, EventKind kind) {
    for (int i = 0; i < n; i++) {
      rec(w, kind, 0, 1000 + i, 0, 0);
    }
  }
}
