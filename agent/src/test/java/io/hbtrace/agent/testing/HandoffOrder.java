package io.hbtrace.agent.testing;

import io.hbtrace.agent.testing.MemoryTraceOutput.Ev;
import io.hbtrace.traces.event.Handoff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The happens-before order that a recording's hand-offs and thread starts and joins make (vector
 * clocks; locks and monitors left out), over the {@code MONITOR_ENTER} events: a test program
 * enters a mark object once where something is done and once where it must be seen, and asks
 * whether the first entry is ordered before the second by hand-offs alone.
 */
public final class HandoffOrder {
  private final Map<Long, List<Entry>> entries = new HashMap<>();

  private record Entry(int thread, Map<Integer, Integer> clock) {}

  public HandoffOrder(List<Ev> events) {
    Map<Integer, Map<Integer, Integer>> threads = new HashMap<>();
    Map<Long, Map<Integer, Integer>> channels = new HashMap<>();
    for (Ev e : events) {
      Map<Integer, Integer> clock = threads.computeIfAbsent(e.thread(), t -> new HashMap<>());
      clock.merge(e.thread(), 1, Integer::sum);
      switch (e.kind()) {
        case HANDOFF_SEND ->
            join(channels.computeIfAbsent(channel(e), c -> new HashMap<>()), clock);
        case HANDOFF_RECEIVE -> join(clock, channels.getOrDefault(channel(e), Map.of()));
        case THREAD_START ->
            join(threads.computeIfAbsent((int) e.f(0), t -> new HashMap<>()), clock);
        case THREAD_JOIN -> join(clock, threads.getOrDefault((int) e.f(0), Map.of()));
        case MONITOR_ENTER ->
            entries
                .computeIfAbsent(e.f(0), m -> new ArrayList<>())
                .add(new Entry(e.thread(), new HashMap<>(clock)));
        default -> {}
      }
    }
  }

  /** A hand-off's channel: its object's, an element's apart (as the analyzer keeps them). */
  private static long channel(Ev e) {
    return e.f(1) == Handoff.ELEMENT ? -e.f(0) : e.f(0);
  }

  private static void join(Map<Integer, Integer> into, Map<Integer, Integer> from) {
    from.forEach((t, n) -> into.merge(t, n, Math::max));
  }

  /** The mark objects entered exactly twice, by their ids. */
  public List<Long> marks() {
    List<Long> out = new ArrayList<>();
    entries.forEach(
        (id, es) -> {
          if (es.size() == 2) {
            out.add(id);
          }
        });
    return out;
  }

  /** Whether the first entry of {@code mark} happens before its second. */
  public boolean ordered(long mark) {
    List<Entry> es = entries.get(mark);
    Entry first = es.get(0);
    Entry second = es.get(1);
    return first.clock.get(first.thread) <= second.clock.getOrDefault(first.thread, 0);
  }
}
