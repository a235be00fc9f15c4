package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static io.hbtrace.traces.Traces.rec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order key is consistent with happens-before under contention: many threads hammer shared
 * locks and hand items to each other, recording with the release-before / acquire-after rule; the
 * test checks the property on every pair that the synchronization ordered.
 */
class OrderingTest {
  private static final int THREADS = 8;
  private static final int ITERATIONS = 20_000;
  private static final int LOCKS = 3;

  @TempDir Path tmp;

  @Test
  void seqIsConsistentWithHappensBeforeUnderContention() throws Exception {
    Path dir = tmp.resolve("t");
    // small batches and a fast flusher: many sweeps racing with the owners
    WriterOptions opts = WriterOptions.defaults().withBatchBytes(1024).withFlushIntervalMillis(2);
    ReentrantLock[] locks = new ReentrantLock[LOCKS];
    long[] tickets = new long[LOCKS];
    for (int i = 0; i < LOCKS; i++) {
      locks[i] = new ReentrantLock();
    }
    BlockingQueue<Long> channel = new ArrayBlockingQueue<>(THREADS * 2);
    int[] childTid = new int[THREADS];
    CountDownLatch gate = new CountDownLatch(1);
    try (TraceWriter w = TraceWriter.create(dir, START, opts)) {
      Thread[] workers = new Thread[THREADS];
      for (int t = 0; t < THREADS; t++) {
        int me = t;
        workers[t] =
            new Thread(
                () -> {
                  try {
                    gate.await(); // all workers run at once: real contention
                    for (int i = 0; i < ITERATIONS; i++) {
                      rec(w, EventKind.OP_BEGIN, 0, 1, me, i, 0); // program-order witness
                      int l = (i + me) % LOCKS;
                      locks[l].lock();
                      rec(w, EventKind.LOCK_ACQUIRE, 0, l, 0); // after the acquire
                      rec(w, EventKind.VOLATILE_WRITE, 0, l, me, tickets[l]++);
                      rec(w, EventKind.LOCK_RELEASE, 0, l, 0); // before the release
                      locks[l].unlock();
                      if (i % 16 == 0) {
                        long item = (long) me << 32 | i;
                        rec(w, EventKind.HANDOFF_SEND, 0, item, 1);
                        channel.put(item);
                        long got = channel.take();
                        rec(w, EventKind.HANDOFF_RECEIVE, 0, got, 1);
                      }
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "worker-" + t);
      }
      for (int t = 0; t < THREADS; t++) {
        childTid[t] = w.threadId(workers[t]);
        rec(w, EventKind.THREAD_START, 0, childTid[t]); // before start
        workers[t].start();
      }
      gate.countDown();
      for (int t = 0; t < THREADS; t++) {
        workers[t].join();
        rec(w, EventKind.THREAD_JOIN, 0, childTid[t]); // after join
      }
    }

    List<Event> events = TraceReader.readAll(dir);
    long n = events.size();
    assertThat(n)
        .isEqualTo(THREADS * (ITERATIONS * 4L + 2L * ((ITERATIONS + 15) / 16)) + 2L * THREADS);
    // dense, unique, emitted in order
    for (int i = 0; i < n; i++) {
      assertThat(events.get(i).seq()).isEqualTo(i);
    }

    // program order: each worker's OP_BEGIN witnesses come out 0, 1, 2, ...
    Map<Integer, Long> nextIteration = new HashMap<>();
    for (Event e : events) {
      if (e.kind() == EventKind.OP_BEGIN) {
        long expected = nextIteration.getOrDefault(e.thread(), 0L);
        assertThat(e.field(2)).as("program order of thread %d", e.thread()).isEqualTo(expected);
        nextIteration.put(e.thread(), expected + 1);
      }
    }

    // locks: in seq order, each lock's events are acquire/write(ticket k)/release triples of one
    // thread with k = 0, 1, 2, ...: every release precedes every later acquire of that lock
    for (int l = 0; l < LOCKS; l++) {
      List<Event> onLock = new ArrayList<>();
      for (Event e : events) {
        boolean lockEvent =
            (e.kind() == EventKind.LOCK_ACQUIRE || e.kind() == EventKind.LOCK_RELEASE)
                && e.field(0) == l;
        boolean ticket = e.kind() == EventKind.VOLATILE_WRITE && e.field(0) == l;
        if (lockEvent || ticket) {
          onLock.add(e);
        }
      }
      assertThat(onLock.size() % 3).isZero();
      for (int i = 0; i < onLock.size(); i += 3) {
        Event acq = onLock.get(i);
        Event tick = onLock.get(i + 1);
        Event rel = onLock.get(i + 2);
        assertThat(acq.kind()).isEqualTo(EventKind.LOCK_ACQUIRE);
        assertThat(tick.kind()).isEqualTo(EventKind.VOLATILE_WRITE);
        assertThat(tick.field(2)).as("ticket order on lock %d", l).isEqualTo(i / 3);
        assertThat(rel.kind()).isEqualTo(EventKind.LOCK_RELEASE);
        assertThat(acq.thread()).isEqualTo(tick.thread()).isEqualTo(rel.thread());
        if (i + 3 < onLock.size()) {
          assertThat(rel.seq()).isLessThan(onLock.get(i + 3).seq());
        }
      }
    }

    // hand-offs: the send of every item precedes its receive
    Map<Long, Long> sendSeq = new HashMap<>();
    int received = 0;
    for (Event e : events) {
      if (e.kind() == EventKind.HANDOFF_SEND) {
        sendSeq.put(e.field(0), e.seq());
      }
    }
    for (Event e : events) {
      if (e.kind() == EventKind.HANDOFF_RECEIVE) {
        assertThat(sendSeq.get(e.field(0))).isNotNull().isLessThan(e.seq());
        received++;
      }
    }
    assertThat(received).isEqualTo(sendSeq.size());

    // thread start precedes the child's first event; join follows its last
    for (int t = 0; t < THREADS; t++) {
      int tid = childTid[t];
      long first = Long.MAX_VALUE;
      long last = -1;
      long startSeq = -1;
      long joinSeq = -1;
      for (Event e : events) {
        if (e.thread() == tid) {
          first = Math.min(first, e.seq());
          last = Math.max(last, e.seq());
        }
        if (e.kind() == EventKind.THREAD_START && e.field(0) == tid) {
          startSeq = e.seq();
        }
        if (e.kind() == EventKind.THREAD_JOIN && e.field(0) == tid) {
          joinSeq = e.seq();
        }
      }
      assertThat(startSeq).isNotNegative().isLessThan(first);
      assertThat(joinSeq).isGreaterThan(last);
    }
  }
}
