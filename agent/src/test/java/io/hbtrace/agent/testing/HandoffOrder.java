package io.hbtrace.agent.testing;

import static io.hbtrace.traces.event.EventKind.HANDOFF_RECEIVE;
import static io.hbtrace.traces.event.EventKind.HANDOFF_SEND;
import static io.hbtrace.traces.event.EventKind.MONITOR_ENTER;
import static io.hbtrace.traces.event.EventKind.THREAD_JOIN;
import static io.hbtrace.traces.event.EventKind.THREAD_START;

import io.hbtrace.agent.testing.MemoryTraceOutput.Ev;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Handoff;
import io.hbtrace.traces.event.LockMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The happens-before order that a recording's hand-offs and thread starts and joins make (vector
 * clocks; monitors left out, and locks unless asked for), over the {@code MONITOR_ENTER} events: a
 * test program enters a mark object once where something is done and once where it must be seen,
 * and asks whether the first entry is ordered before the second by hand-offs (and locks) alone.
 */
public final class HandoffOrder {
  private final Map<Long, List<Entry>> entries = new HashMap<>();

  /** Per lock: its last exclusive release, and the shared releases since (as the analyzer). */
  private final Map<Long, Map<Integer, Integer>> writers = new HashMap<>();

  private final Map<Long, Map<Integer, Integer>> readers = new HashMap<>();

  private record Entry(int thread, Map<Integer, Integer> clock) {}

  /** The kinds the order is made of without locks: hand-offs, starts and joins, and the marks. */
  public static final EventKind[] KINDS = {
    HANDOFF_SEND, HANDOFF_RECEIVE, THREAD_START, THREAD_JOIN, MONITOR_ENTER
  };

  public HandoffOrder(List<Ev> events) {
    this(events, false);
  }

  /**
   * With {@code locks}, lock acquires and releases order too: an exclusive acquire after the last
   * exclusive release and the shared releases since, a shared acquire after the last exclusive
   * release only.
   */
  public HandoffOrder(List<Ev> events, boolean locks) {
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
        case LOCK_ACQUIRE -> {
          if (locks) {
            join(clock, writers.getOrDefault(e.f(0), Map.of()));
            if (e.f(1) != LockMode.SHARED) {
              join(clock, readers.getOrDefault(e.f(0), Map.of()));
            }
          }
        }
        case LOCK_RELEASE -> {
          if (locks && e.f(1) == LockMode.SHARED) {
            join(readers.computeIfAbsent(e.f(0), l -> new HashMap<>()), clock);
          } else if (locks) {
            writers.put(e.f(0), new HashMap<>(clock));
            readers.remove(e.f(0));
          }
        }
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
