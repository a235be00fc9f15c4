package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static io.hbtrace.traces.Traces.rec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventHandler;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Events;
import io.hbtrace.traces.event.LockAcquire;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {
  @TempDir Path tmp;

  /** Field values that stress the varint/zigzag encoding; int fields see their own extremes. */
  private static final long[][] VALUE_SETS = {
    {0, 0, 0, 0, 0, 0},
    {1, -1, 2, -2, 63, -64},
    {
      Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE
    },
    {Long.MAX_VALUE, Long.MIN_VALUE, -1, 0, 1, 1L << 62},
    {Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 127},
    {4096, 1L << 35, -(1L << 40), 123456789, 0xFFFFFFFFL, -129},
  };

  @Test
  void everyKindRoundTripsWithExtremeFields() throws Exception {
    Path dir = tmp.resolve("t");
    List<Event> expected = new ArrayList<>();
    int site;
    int tid;
    try (TraceWriter w = TraceWriter.create(dir, START)) {
      site = w.site("io.hbtrace.X", "m", "X.java", 42);
      tid = w.currentThreadId();
      long seq = 0;
      int[] sitesToUse = {0, site, Integer.MAX_VALUE, -1};
      for (long[] f : VALUE_SETS) {
        for (EventKind k : EventKind.values()) {
          int s = sitesToUse[(int) (seq % sitesToUse.length)];
          w.record(k.code(), s, f[0], f[1], f[2], f[3], f[4], f[5]);
          expected.add(Events.create(k, seq++, tid, s, f));
        }
      }
    }
    List<Event> got = TraceReader.readAll(dir);
    assertThat(got).containsExactlyElementsOf(expected);
    // narrowing only where the record holds an int: long fields keep their full value
    for (int i = 0; i < got.size(); i++) {
      Event e = got.get(i);
      assertThat(e.kind().arity()).isLessThanOrEqualTo(EventKind.MAX_FIELDS);
    }
    assertThat(tid).isEqualTo(1);
  }

  @Test
  void metadataStartAndEndReadBack() throws Exception {
    Path dir = tmp.resolve("t");
    int s1;
    int s2;
    int str;
    int child;
    int me;
    Thread t = new Thread(() -> {}, "child-thread");
    try (TraceWriter w = TraceWriter.create(dir, START)) {
      s1 = w.site("a.B", "run", "B.java", 7);
      s2 = w.site("a.C", "<init>", null, -5);
      assertThat(w.site("a.B", "run", "B.java", 7)).isEqualTo(s1);
      str = w.string("inode_lock");
      assertThat(w.string("inode_lock")).isEqualTo(str);
      me = w.currentThreadId();
      child = w.threadId(t);
      assertThat(w.threadId(t)).isEqualTo(child);
      rec(w, EventKind.THREAD_START, s1, child);
      rec(w, EventKind.OBJECT_ROLE, s2, 99, str, 12, 0);
      assertThat(w.stats().eventsRecorded()).isEqualTo(2);
    }
    try (TraceReader r = TraceReader.open(dir)) {
      StartRecord st = r.start();
      assertThat(st.formatMajor()).isEqualTo(Format.MAJOR);
      assertThat(st.producer()).isEqualTo("hbtrace-test");
      assertThat(st.producerVersion()).isEqualTo("0.0-test");
      assertThat(st.mainClass()).isEqualTo("io.hbtrace.Test");
      assertThat(st.arguments()).containsExactly("a", "b c");
      assertThat(st.metadata()).containsEntry("k", "v");
      assertThat(st.pid()).isEqualTo(ProcessHandle.current().pid());
      assertThat(st.jvm()).contains(Runtime.version().toString());
      assertThat(st.clock()).isEqualTo("seq");
      assertThat(st.batchBytes()).isEqualTo(WriterOptions.defaults().batchBytes());
      assertThat(st.startEpochMillis()).isPositive();
      assertThat(st.properties()).containsKey("os.name");
      int n = 0;
      while (r.next(new EventHandler() {})) {
        n++;
      }
      assertThat(n).isEqualTo(2);
      assertThat(r.truncated()).isFalse();
      assertThat(r.warnings()).isEmpty();
      assertThat(r.site(s1)).isEqualTo(new Site("a.B", "run", "B.java", 7));
      assertThat(r.site(s2)).isEqualTo(new Site("a.C", "<init>", "", -1));
      assertThat(r.site(0)).isNull();
      assertThat(r.site(999)).isNull();
      assertThat(r.string(str)).isEqualTo("inode_lock");
      assertThat(r.thread(child).name()).isEqualTo("child-thread");
      assertThat(r.thread(me).name()).isEqualTo(Thread.currentThread().getName());
      EndRecord end = r.end().orElseThrow();
      assertThat(end.eventsWritten()).isEqualTo(2);
      assertThat(end.seqsTaken()).isEqualTo(2);
      assertThat(end.eventsDropped()).isZero();
      assertThat(end.eventsOf(me)).isEqualTo(2);
      assertThat(r.eventsRead()).isEqualTo(2);
    }
  }

  @Test
  void unknownKindAndRecordsAfterCloseAreCountedNotWritten() throws Exception {
    Path dir = tmp.resolve("t");
    TraceWriter w = TraceWriter.create(dir, START);
    w.record(0, 0, 0, 0, 0, 0, 0, 0); // code 0: no kind
    w.record(255, 0, 0, 0, 0, 0, 0, 0);
    w.record(-1, 0, 0, 0, 0, 0, 0, 0);
    w.record(1000, 0, 0, 0, 0, 0, 0, 0);
    rec(w, EventKind.LOCK_ACQUIRE, 0, 5, 0);
    w.close();
    rec(w, EventKind.LOCK_ACQUIRE, 0, 6, 0);
    w.close(); // idempotent
    WriterStats st = w.stats();
    assertThat(st.eventsWritten()).isEqualTo(1);
    assertThat(st.eventsDropped()).isEqualTo(5);
    try (TraceReader r = TraceReader.open(dir)) {
      assertThat(r.next()).isEqualTo(new LockAcquire(0, 1, 0, 5, 0));
      assertThat(r.next()).isNull();
      assertThat(r.end().orElseThrow().eventsDropped()).isEqualTo(4);
    }
  }

  @Test
  void manySmallBatchesAcrossBufferResets() throws Exception {
    Path dir = tmp.resolve("t");
    int n = 100_000;
    try (TraceWriter w =
        TraceWriter.create(dir, START, WriterOptions.defaults().withBatchBytes(512))) {
      for (int i = 0; i < n; i++) {
        rec(w, EventKind.SIZE_UPDATE, i % 7, 3, i, (long) i * 4096);
      }
      assertThat(w.stats().batches()).isGreaterThan(1000);
    }
    try (TraceReader r = TraceReader.open(dir)) {
      for (int i = 0; i < n; i++) {
        Event e = r.next();
        assertThat(e.seq()).isEqualTo(i);
        assertThat(e.field(2)).isEqualTo((long) i * 4096);
      }
      assertThat(r.next()).isNull();
      assertThat(r.warnings()).isEmpty();
    }
  }
}
