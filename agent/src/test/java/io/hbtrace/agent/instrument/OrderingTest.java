package io.hbtrace.agent.instrument;

import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.LOCK_RELEASE;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static io.hbtrace.traces.event.EventKind.MONITOR_EXIT;
import static io.hbtrace.traces.event.EventKind.THREAD_JOIN;
import static io.hbtrace.traces.event.EventKind.THREAD_START;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.Instrumented;
import io.hbtrace.agent.testing.MemoryTraceOutput.Ev;
import io.hbtrace.agenttest.Contention;
import io.hbtrace.traces.event.LockMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The recording order is consistent with the locks: releases are recorded before the unlock and
 * acquires after the lock, so in sequence order no exclusive hold ever overlaps another hold of the
 * same lock, and a started thread's events follow its start and precede its join.
 */
class OrderingTest {

  @Test
  void holdsNeverOverlapInSequenceOrder() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      assertThat(in.call(Contention.class, "run")).isNotNull();
      List<Ev> ev = in.out.events(LOCK_ACQUIRE, LOCK_RELEASE, MONITOR_ENTER, MONITOR_EXIT);
      assertThat(ev).hasSize(4 * 500 * 6);
      Map<Long, Integer> exclusive = new HashMap<>();
      Map<Long, Integer> shared = new HashMap<>();
      for (Ev e : ev) {
        long lock = e.f(0);
        boolean excl =
            e.kind() == MONITOR_ENTER || e.kind() == MONITOR_EXIT || e.f(1) == LockMode.EXCLUSIVE;
        boolean acquire = e.kind() == LOCK_ACQUIRE || e.kind() == MONITOR_ENTER;
        Map<Long, Integer> mine = excl ? exclusive : shared;
        if (acquire) {
          assertThat(exclusive.getOrDefault(lock, 0)).as("held exclusively at %s", e).isZero();
          if (excl) {
            assertThat(shared.getOrDefault(lock, 0)).as("held shared at %s", e).isZero();
          }
          mine.merge(lock, 1, Integer::sum);
        } else {
          assertThat(mine.merge(lock, -1, Integer::sum)).isGreaterThanOrEqualTo(0);
        }
      }
      // a thread's events come after its start and before its join
      Map<Long, Long> startSeq = new HashMap<>();
      Map<Long, Long> joinSeq = new HashMap<>();
      for (Ev e : in.out.events(THREAD_START, THREAD_JOIN)) {
        (e.kind() == THREAD_START ? startSeq : joinSeq).put(e.f(0), e.seq());
      }
      Set<Long> checked = new HashSet<>();
      for (Ev e : ev) {
        long tid = e.thread();
        if (startSeq.containsKey(tid)) {
          assertThat(e.seq()).isGreaterThan(startSeq.get(tid)).isLessThan(joinSeq.get(tid));
          checked.add(tid);
        }
      }
      assertThat(checked).hasSize(4);
    }
  }
}
