package io.hbtrace.analyzer.hb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorClock}, whose clocks share nodes, against a plain map per clock: random operations
 * on a pool of clocks that copy and join each other, with thread ids at every depth of its tree.
 */
class VectorClockTest {
  /** A clock and the plain model of it. */
  private record Pair(VectorClock clock, TreeMap<Integer, Integer> model) {}

  @Test
  void sharedClocksBehaveAsIndependentOnes() {
    for (int seed = 0; seed < 40; seed++) {
      runRandom(new Random(seed), seed % 4);
    }
  }

  private static void runRandom(Random rnd, int spread) {
    int[] bounds = {60, 70, 5_000, 300_000};
    int bound = bounds[spread];
    List<Pair> pool = new ArrayList<>();
    pool.add(new Pair(new VectorClock(), new TreeMap<>()));
    for (int step = 0; step < 3_000; step++) {
      Pair p = pool.get(rnd.nextInt(pool.size()));
      int t = 1 + rnd.nextInt(bound);
      switch (rnd.nextInt(8)) {
        case 0, 1 -> {
          int v = p.model.getOrDefault(t, 0) + 1 + rnd.nextInt(3);
          p.clock.set(t, v);
          p.model.put(t, v);
        }
        case 2 -> {
          p.clock.tick(t);
          p.model.merge(t, 1, Integer::sum);
        }
        case 3, 4 -> {
          Pair o = pool.get(rnd.nextInt(pool.size()));
          boolean grew = p.clock.join(o.clock);
          boolean modelGrew = false;
          for (var e : o.model.entrySet()) {
            int mine = p.model.getOrDefault(e.getKey(), 0);
            if (e.getValue() > mine) {
              p.model.put(e.getKey(), e.getValue());
              modelGrew = true;
            }
          }
          if (modelGrew) {
            assertThat(grew).as("join reports growth").isTrue();
          }
        }
        case 5 -> pool.add(new Pair(p.clock.copy(), new TreeMap<>(p.model)));
        case 6 -> {
          Pair o = pool.get(rnd.nextInt(pool.size()));
          if (o != p) {
            p.clock.copyFrom(o.clock);
            p.model.clear();
            p.model.putAll(o.model);
          }
        }
        default -> {
          if (rnd.nextInt(20) == 0) {
            p.clock.clear();
            p.model.clear();
          }
        }
      }
      if (step % 50 == 0) {
        for (Pair q : pool) {
          assertSame(q);
        }
      }
    }
    for (Pair a : pool) {
      assertSame(a);
      for (Pair b : pool) {
        assertThat(a.clock.leq(b.clock)).isEqualTo(leq(a.model, b.model));
      }
    }
  }

  private static void assertSame(Pair p) {
    for (var e : p.model.entrySet()) {
      assertThat(p.clock.get(e.getKey())).isEqualTo(e.getValue());
    }
    StringBuilder want = new StringBuilder("[");
    p.model.forEach(
        (t, v) -> {
          if (v != 0) {
            want.append(want.length() > 1 ? " " : "").append('t').append(t).append(':').append(v);
          }
        });
    assertThat(p.clock.toString()).isEqualTo(want.append(']').toString());
  }

  private static boolean leq(TreeMap<Integer, Integer> a, TreeMap<Integer, Integer> b) {
    return a.entrySet().stream().allMatch(e -> e.getValue() <= b.getOrDefault(e.getKey(), 0));
  }

  @Test
  void unsetEntriesAreZeroAtEveryDepth() {
    VectorClock c = new VectorClock();
    assertThat(c.get(5)).isZero();
    c.set(300_000, 2);
    assertThat(c.get(300_000)).isEqualTo(2);
    assertThat(c.get(299_999)).isZero();
    assertThat(c.get(5)).isZero();
    assertThat(c.get(1 << 29)).isZero();
    assertThat(new VectorClock().leq(c)).isTrue();
    assertThat(c.leq(new VectorClock())).isFalse();
  }

  /**
   * N threads, each learning from the one before it as through one lock, all alive: together their
   * clocks hold O(N log N) entries, not N²/2.
   */
  @Test
  void aChainOfThreadsSharesItsClocks() {
    int n = 20_000;
    List<VectorClock> live = new ArrayList<>();
    VectorClock lock = null;
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    for (int t = 1; t <= n; t++) {
      VectorClock mine = new VectorClock();
      mine.set(t, 1);
      if (lock != null) {
        mine.join(lock);
      }
      lock = mine.copy(); // the release: the lock keeps the releaser's snapshot
      mine.tick(t);
      live.add(mine);
    }
    System.gc();
    long used = rt.totalMemory() - rt.freeMemory() - before;
    for (int t = 1; t <= n; t += 997) {
      assertThat(live.get(n - 1).get(t)).isEqualTo(1);
      assertThat(live.get(t - 1).get(t)).isEqualTo(2);
      assertThat(live.get(t - 1).get(t + 1)).isZero();
    }
    // dense clocks: n * n / 2 entries of 4 bytes, 800 MB
    assertThat(used).as("bytes held by %d clocks", n).isLessThan(100L << 20);
  }
}
