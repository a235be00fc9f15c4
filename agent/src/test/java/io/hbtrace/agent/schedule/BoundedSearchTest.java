package io.hbtrace.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bounded search against brute force, on programs of independent threads that each take a
 * number of steps: every interleaving with at most the bound of preemptions is run exactly once,
 * and no other.
 */
class BoundedSearchTest {

  /** Runs one program under the strategy: the order of the thread steps, e.g. "aab". */
  private static String run(ExploreStrategy s, int[] steps) {
    int[] left = steps.clone();
    StringBuilder order = new StringBuilder();
    int holder = -1;
    s.runStarted();
    while (true) {
      List<String> offered = new ArrayList<>();
      List<Integer> who = new ArrayList<>();
      for (int t = 0; t < left.length; t++) {
        if (left[t] > 0) {
          offered.add(String.valueOf((char) ('a' + t)));
          who.add(t);
        }
      }
      if (offered.isEmpty()) {
        return order.toString();
      }
      int pick = who.get(s.choose(offered, who.indexOf(holder)));
      left[pick]--;
      order.append((char) ('a' + pick));
      holder = pick;
    }
  }

  /** Every interleaving of the steps with at most {@code bound} preemptions, by enumeration. */
  private static Set<String> bruteForce(int[] steps, int bound) {
    Set<String> out = new HashSet<>();
    enumerate(steps.clone(), -1, 0, bound, new StringBuilder(), out);
    return out;
  }

  private static void enumerate(
      int[] left, int holder, int used, int bound, StringBuilder prefix, Set<String> out) {
    boolean any = false;
    for (int t = 0; t < left.length; t++) {
      if (left[t] == 0) {
        continue;
      }
      any = true;
      int cost = holder >= 0 && left[holder] > 0 && t != holder ? 1 : 0;
      if (used + cost > bound) {
        continue;
      }
      left[t]--;
      prefix.append((char) ('a' + t));
      enumerate(left, t, used + cost, bound, prefix, out);
      prefix.setLength(prefix.length() - 1);
      left[t]++;
    }
    if (!any) {
      out.add(prefix.toString());
    }
  }

  @ParameterizedTest(name = "steps {0}, bound {1}")
  @CsvSource({"2-2, 0", "2-2, 1", "3-3, 2", "4-3, 2", "3-2-2, 1", "3-2-2, 2", "2-2-2, 3"})
  void triesEveryInterleavingWithinTheBoundOnce(String spec, int bound) {
    String[] parts = spec.split("-");
    int[] steps = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      steps[i] = Integer.parseInt(parts[i]);
    }
    BoundedSearch s = new BoundedSearch(bound);
    List<String> runs = new ArrayList<>();
    do {
      runs.add(run(s, steps));
    } while (s.runEnded());
    assertThat(s.exhausted()).isTrue();
    assertThat(s.nondeterministicRuns()).isZero();
    assertThat(runs).doesNotHaveDuplicates();
    assertThat(new HashSet<>(runs)).isEqualTo(bruteForce(steps, bound));
  }

  @Test
  void aRunThatOffersOtherThreadsThanPlannedIsCounted() {
    BoundedSearch s = new BoundedSearch(1);
    s.runStarted();
    s.choose(List.of("a", "b"), -1);
    s.choose(List.of("a", "b"), 0);
    assertThat(s.runEnded()).isTrue(); // next: b at the second decision
    s.runStarted();
    s.choose(List.of("a", "b"), -1);
    s.choose(List.of("a"), 0); // b is not there this time
    s.runEnded();
    assertThat(s.nondeterministicRuns()).isEqualTo(1);
  }

  @Test
  void randomRunsAreSeeded() {
    int[] steps = {4, 4, 3};
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (List<String> runs : List.of(first, second)) {
      RandomSearch s = new RandomSearch(42, 3, 20);
      do {
        runs.add(run(s, steps));
      } while (s.runEnded());
    }
    assertThat(first).hasSize(20).isEqualTo(second);
    assertThat(new HashSet<>(first)).hasSizeGreaterThan(3);
  }
}
