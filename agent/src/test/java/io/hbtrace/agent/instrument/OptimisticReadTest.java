package io.hbtrace.agent.instrument;

import static io.hbtrace.agent.instrument.SyncInstrumentationTest.assertPaired;
import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.LOCK_RELEASE;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static io.hbtrace.traces.event.EventKind.THREAD_JOIN;
import static io.hbtrace.traces.event.EventKind.THREAD_START;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.HandoffOrder;
import io.hbtrace.agent.testing.Instrumented;
import io.hbtrace.agenttest.OptimisticReads;
import java.lang.reflect.Method;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A StampedLock's optimistic reads, conversions and stampless unlocks order what the threads do
 * around them as its locks would, their lock events pair up, and the lock behaves as without the
 * agent.
 */
class OptimisticReadTest {

  /** Runs {@code program} instrumented: its result is the plain run's, its lock events pair up. */
  private static HandoffOrder run(Instrumented in, String program) throws Throwable {
    Method plain = OptimisticReads.class.getMethod(program);
    assertThat(in.call(OptimisticReads.class, program)).isEqualTo(plain.invoke(null));
    assertPaired(in.out.events(LOCK_ACQUIRE, LOCK_RELEASE));
    assertThat(in.problems()).isEmpty();
    return new HandoffOrder(
        in.out.events(LOCK_ACQUIRE, LOCK_RELEASE, THREAD_START, THREAD_JOIN, MONITOR_ENTER), true);
  }

  @ParameterizedTest
  @CsvSource({
    "writeThenOptimistic, true",
    "optimisticThenWrite, true",
    "optimisticToWrite, true",
    "readToWrite, true",
    "writeToRead, true",
    "writeToOptimistic, true",
    "stamplessUnlock, true",
    "flagOnly, false"
  })
  void theLockOrdersTheMarks(String program, boolean ordered) throws Throwable {
    for (int i = 0; i < 5; i++) {
      try (Instrumented in = new Instrumented()) {
        HandoffOrder order = run(in, program);
        assertThat(order.marks()).hasSize(1);
        assertThat(order.ordered(order.marks().get(0))).isEqualTo(ordered);
      }
    }
  }

  @RepeatedTest(3)
  void anOptimisticReadIsTwoEmptyReadSections() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      run(in, "optimisticThenWrite");
      // main: tryOptimisticRead's and validate's read sections; other: the write lock
      assertThat(in.out.events(LOCK_ACQUIRE)).extracting(e -> e.f(1)).containsExactly(1L, 1L, 0L);
    }
  }

  @Test
  void aStamplessUnlockReleasesOnlyWhatIsHeld() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      run(in, "stamplessReadUnlock");
      assertThat(in.out.events(LOCK_RELEASE)).extracting(e -> e.f(1)).containsExactly(1L, 1L, 0L);
    }
    assertThat(OptimisticReads.stamplessReadUnlock()).isEqualTo("true true false");
  }

  @Test
  void unlocksTheLockRefusesAreNotRecorded() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      run(in, "refusedUnlocks"); // pairs up: no release of a hold the thread does not have
      assertThat(in.out.events(LOCK_RELEASE)).hasSize(4);
    }
    assertThat(OptimisticReads.refusedUnlocks()).isEqualTo(4);
  }

  @Test
  void theReadWriteViewIsTheLock() throws Throwable {
    try (Instrumented in = new Instrumented()) {
      run(in, "readWriteView");
      assertThat(in.out.events(LOCK_ACQUIRE, LOCK_RELEASE))
          .hasSize(8)
          .extracting(e -> e.f(0))
          .containsOnly(in.out.events(LOCK_ACQUIRE).get(0).f(0));
      assertThat(in.out.events(LOCK_ACQUIRE))
          .extracting(e -> e.f(1))
          .containsExactly(0L, 1L, 0L, 1L);
    }
  }
}
