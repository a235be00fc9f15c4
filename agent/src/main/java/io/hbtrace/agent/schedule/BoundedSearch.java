package io.hbtrace.agent.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * Depth-first search over the runs of a deterministic program, one run per path, with at most
 * {@code bound} preemptions per run (CHESS's iterative context bounding: most concurrency bugs need
 * very few). At each decision the candidates are tried in a fixed order: the holder first (no
 * preemption), then the others by name. After a run, the next one replays the same choices up to
 * the deepest decision that has an untried candidate within the bound, takes that candidate, and
 * lets the holder run on after it.
 */
final class BoundedSearch implements ExploreStrategy {
  private final int bound;
  private final List<Decision> trail = new ArrayList<>();
  private List<String> plan = List.of();
  private boolean exhausted;
  private boolean strayed;
  private long strayedRuns;

  /** One decision of the current run. */
  private record Decision(List<String> offered, int holder, int chosen, int preemptionsBefore) {
    /** Candidates in the order they are tried: the holder, then the others. */
    List<Integer> order() {
      List<Integer> o = new ArrayList<>();
      if (holder >= 0) {
        o.add(holder);
      }
      for (int i = 0; i < offered.size(); i++) {
        if (i != holder) {
          o.add(i);
        }
      }
      return o;
    }

    int cost(int candidate) {
      return holder >= 0 && candidate != holder ? 1 : 0;
    }
  }

  BoundedSearch(int bound) {
    this.bound = bound;
  }

  @Override
  public void runStarted() {
    trail.clear();
  }

  @Override
  public int choose(List<String> offered, int holder) {
    int d = trail.size();
    int before = d == 0 ? 0 : preemptionsAfter(trail.get(d - 1));
    int pick = holder >= 0 ? holder : 0;
    if (d < plan.size()) {
      int planned = offered.indexOf(plan.get(d));
      if (planned >= 0) {
        pick = planned;
      } else {
        strayed = true;
      }
    }
    trail.add(new Decision(List.copyOf(offered), holder, pick, before));
    return pick;
  }

  private static int preemptionsAfter(Decision x) {
    return x.preemptionsBefore() + x.cost(x.chosen());
  }

  @Override
  public boolean runEnded() {
    if (strayed) {
      strayedRuns++;
      strayed = false;
    }
    for (int d = trail.size() - 1; d >= 0; d--) {
      Decision x = trail.get(d);
      List<Integer> order = x.order();
      for (int i = order.indexOf(x.chosen()) + 1; i < order.size(); i++) {
        int c = order.get(i);
        if (x.preemptionsBefore() + x.cost(c) <= bound) {
          List<String> next = new ArrayList<>();
          for (int k = 0; k < d; k++) {
            Decision y = trail.get(k);
            next.add(y.offered().get(y.chosen()));
          }
          next.add(x.offered().get(c));
          plan = next;
          return true;
        }
      }
    }
    exhausted = true;
    return false;
  }

  @Override
  public long nondeterministicRuns() {
    return strayedRuns;
  }

  @Override
  public boolean exhausted() {
    return exhausted;
  }

  @Override
  public String describe() {
    return "every interleaving with at most " + bound + " preemption" + (bound == 1 ? "" : "s");
  }
}
