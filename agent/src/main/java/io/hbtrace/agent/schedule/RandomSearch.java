package io.hbtrace.agent.schedule;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random runs: at each decision the holder goes on, except with probability {@code 1/switchEvery}
 * when another offered thread (chosen uniformly) preempts it; a thread that blocked leaves a
 * uniform choice. Seeded, so the same seed walks the same runs of a deterministic program.
 */
final class RandomSearch implements ExploreStrategy {
  private final SplittableRandom random;
  private final int switchEvery;
  private final long runs;
  private final long seed;
  private long started;

  RandomSearch(long seed, int switchEvery, long runs) {
    this.random = new SplittableRandom(seed);
    this.seed = seed;
    this.switchEvery = switchEvery;
    this.runs = runs;
  }

  @Override
  public void runStarted() {
    started++;
  }

  @Override
  public int choose(List<String> offered, int holder) {
    if (holder >= 0 && (offered.size() == 1 || random.nextInt(switchEvery) != 0)) {
      return holder;
    }
    if (holder < 0) {
      return random.nextInt(offered.size());
    }
    int other = random.nextInt(offered.size() - 1);
    return other >= holder ? other + 1 : other;
  }

  @Override
  public boolean runEnded() {
    return started < runs;
  }

  @Override
  public long nondeterministicRuns() {
    return 0; // nothing to compare with: no run is steered after another
  }

  @Override
  public boolean exhausted() {
    return false;
  }

  @Override
  public String describe() {
    return runs + " random interleavings (seed " + seed + ")";
  }
}
