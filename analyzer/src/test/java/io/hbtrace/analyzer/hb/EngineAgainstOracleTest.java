package io.hbtrace.analyzer.hb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.analyzer.state.Clocks;
import io.hbtrace.analyzer.state.ObjectRoles;
import io.hbtrace.analyzer.state.TracedObjects;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.ObjectRole;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vector-clock engine, both relations advanced in one pass as the analysis runs them ({@link
 * Clocks}), and the graph oracle agree on every pair of every generated trace.
 */
class EngineAgainstOracleTest {
  /** Lock 2 plays a page lock and channel 101 a page wait queue: reorderable in the must-order. */
  private static final LongPredicate REORDERABLE = o -> o == 2 || o == 101;

  static LongStream seeds() {
    return LongStream.range(1, 201);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void observedOrderMatchesOracle(long seed) {
    compare(RandomTraces.generate(seed, threads(seed), 150));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mustOrderMatchesOracle(long seed) {
    compare(RandomTraces.generate(seed * 7919, threads(seed), 150));
  }

  /**
   * Mostly a few threads; every tenth trace has up to 21, more than the engine's initial tables.
   */
  private static int threads(long seed) {
    return seed % 10 == 0 ? 12 + (int) (seed % 10 + seed / 10 % 10) : 2 + (int) (seed % 5);
  }

  /** Stamps every event in both relations and compares each with the oracle under its policy. */
  private static void compare(List<Event> trace) {
    TraceBuilder names = new TraceBuilder();
    TracedObjects objects = new TracedObjects();
    ObjectRoles roles = new ObjectRoles(names, objects);
    roles.onRole(new ObjectRole(-2, 1, 0, 2, names.string(ObjectRoles.PAGE_LOCK), 12, 0));
    roles.onRole(new ObjectRole(-1, 1, 0, 101, names.string(ObjectRoles.PAGE_WAITQUEUE), 12, 0));
    Clocks clocks = new Clocks(objects);
    List<Stamp> observed = new ArrayList<>();
    List<Stamp> must = new ArrayList<>();
    for (Event e : trace) {
      boolean release = isRelease(e);
      if (!release) {
        clocks.apply(e, e.kind(), e.thread());
      }
      observed.add(clocks.observed(e));
      must.add(clocks.must(e));
      if (release) {
        clocks.apply(e, e.kind(), e.thread());
      }
    }
    compare(trace, observed, EdgePolicy.observed());
    compare(trace, must, EdgePolicy.mustOrder());
  }

  /** Events recorded before their operation: stamped before they are applied. */
  private static boolean isRelease(Event e) {
    return switch (e.kind()) {
      case LOCK_RELEASE, MONITOR_EXIT, THREAD_START, HANDOFF_SEND, VOLATILE_WRITE -> true;
      default -> false;
    };
  }

  private static void compare(List<Event> trace, List<Stamp> stamps, EdgePolicy policy) {
    ReferenceHappensBefore oracle = new ReferenceHappensBefore(trace, policy, REORDERABLE);
    int ordered = 0;
    for (int i = 0; i < trace.size(); i++) {
      for (int j = 0; j < trace.size(); j++) {
        if (i == j) {
          continue;
        }
        boolean expected = oracle.happensBefore(i, j);
        boolean actual = stamps.get(i).happensBefore(stamps.get(j));
        assertThat(actual)
            .as("hb(%s, %s) in %s", trace.get(i), trace.get(j), policy)
            .isEqualTo(expected);
        ordered += expected && trace.get(i).thread() != trace.get(j).thread() ? 1 : 0;
      }
    }
    // the generator must produce cross-thread order, or the comparison proves little
    assertThat(ordered).isPositive();
  }
}
