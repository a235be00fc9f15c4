package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Definitions, and the events of a dead thread whose array a new thread takes, wait for the next
 * sweep: a recording thread does not write to the queue for them, and the sweep writes them ahead
 * of the batches that need them.
 */
class QueuedDocumentsTest {
  @TempDir Path tmp;

  @Test
  void definitionsAndADeadThreadsEventsReachTheQueueAtTheNextSweep() throws Exception {
    Path dir = tmp.resolve("q");
    WriterOptions o = WriterOptions.defaults().withFlushIntervalMillis(0); // no flusher thread
    try (TraceWriter w = TraceWriter.create(dir, START, o)) {
      int id = w.string("queued");
      Thread first = new Thread(() -> w.record(EventKind.RUN_BEGIN.code(), 0, 1, 0, 0, 0, 0, 0));
      first.start();
      first.join();
      Thread second = new Thread(() -> w.record(EventKind.RUN_BEGIN.code(), 0, 2, 0, 0, 0, 0, 0));
      second.start(); // takes the first's array: its event is copied out and queued
      second.join();
      assertThat(w.buffersAllocated()).isEqualTo(1);

      try (TraceReader r = TraceReader.open(dir)) {
        assertThat(r.next()).isNull(); // only START so far
        assertThat(r.string(id)).isNull();
      }
      w.flush();
      try (TraceReader r = TraceReader.open(dir)) {
        assertThat(r.next().field(0)).isEqualTo(1L); // the dead thread's batch, then the live one
        assertThat(r.next().field(0)).isEqualTo(2L);
        assertThat(r.next()).isNull();
        assertThat(r.string(id)).isEqualTo("queued");
        assertThat(r.truncated()).isTrue(); // no END yet
      }
    }
    assertThat(TraceReader.readAll(dir)).extracting(e -> e.field(0)).containsExactly(1L, 2L);
  }

  /**
   * Threads define sites and new threads without the writer lock while a flusher sweeps every
   * millisecond: every event read back finds its site, the thread it started and its own thread
   * defined (the reader refuses a batch of an undefined thread).
   */
  @Test
  void definitionsMadeDuringSweepsAreWrittenAheadOfTheirUses() throws Exception {
    Path dir = tmp.resolve("d");
    WriterOptions o = WriterOptions.defaults().withFlushIntervalMillis(1).withBatchBytes(1024);
    int writers = 4;
    int each = 10_000;
    try (TraceWriter w = TraceWriter.create(dir, START, o)) {
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < writers; t++) {
        int me = t;
        threads.add(
            new Thread(
                () -> {
                  for (int i = 0; i < each; i++) {
                    int site = w.site("W" + me, "m", "W.java", i);
                    int child = w.threadId(new Thread("child-" + me + "-" + i));
                    w.record(EventKind.THREAD_START.code(), site, child, 0, 0, 0, 0, 0);
                  }
                },
                "writer-" + me));
      }
      threads.forEach(Thread::start);
      for (Thread t : threads) {
        t.join();
      }
    }
    List<Event> events = new ArrayList<>();
    try (TraceReader r = TraceReader.open(dir)) {
      for (Event e; (e = r.next()) != null; ) {
        events.add(e);
        Site s = r.site(e.site());
        assertThat(s).as("site of %s", e).isNotNull();
        ThreadInfo child = r.thread((int) e.field(0));
        assertThat(child).as("thread started by %s", e).isNotNull();
        assertThat(child.name()).isEqualTo("child-" + s.className().substring(1) + "-" + s.line());
        assertThat(r.thread(e.thread()).name()).isEqualTo("writer-" + s.className().substring(1));
      }
    }
    assertThat(events).hasSize(writers * each);
  }
}
