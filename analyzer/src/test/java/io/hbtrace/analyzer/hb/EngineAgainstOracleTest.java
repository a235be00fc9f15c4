package io.hbtrace.analyzer.hb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The vector-clock engine and the graph oracle agree on every pair of every generated trace. */
class EngineAgainstOracleTest {

  static LongStream seeds() {
    return LongStream.range(1, 201);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void observedOrderMatchesOracle(long seed) {
    compare(RandomTraces.generate(seed, threads(seed), 150), EdgePolicy.observed());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void mustOrderMatchesOracle(long seed) {
    // lock 2 plays a page lock and channel 101 a page wait queue: their edges could have gone
    // the other way
    compare(
        RandomTraces.generate(seed * 7919, threads(seed), 150),
        EdgePolicy.mustOrder(object -> object == 2 || object == 101));
  }

  /**
   * Mostly a few threads; every tenth trace has up to 21, more than the engine's initial tables.
   */
  private static int threads(long seed) {
    return seed % 10 == 0 ? 12 + (int) (seed % 10 + seed / 10 % 10) : 2 + (int) (seed % 5);
  }

  private static void compare(List<Event> trace, EdgePolicy policy) {
    SyncClocks clocks = new SyncClocks(policy);
    List<Stamp> stamps = new ArrayList<>();
    for (Event e : trace) {
      stamps.add(SyncEvents.applyAndStamp(clocks, e));
    }
    ReferenceHappensBefore oracle = new ReferenceHappensBefore(trace, policy);
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
