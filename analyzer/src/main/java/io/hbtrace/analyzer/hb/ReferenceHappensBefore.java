package io.hbtrace.analyzer.hb;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.Handoff;
import io.hbtrace.traces.event.HandoffReceive;
import io.hbtrace.traces.event.HandoffSend;
import io.hbtrace.traces.event.LockAcquire;
import io.hbtrace.traces.event.LockMode;
import io.hbtrace.traces.event.LockRelease;
import io.hbtrace.traces.event.MonitorEnter;
import io.hbtrace.traces.event.MonitorExit;
import io.hbtrace.traces.event.ThreadJoin;
import io.hbtrace.traces.event.ThreadStart;
import io.hbtrace.traces.event.VolatileRead;
import io.hbtrace.traces.event.VolatileWrite;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * The oracle: happens-before as plain graph reachability over a whole trace held in memory, written
 * to be obviously right rather than fast. {@link SyncClocks} must agree with it on every pair of
 * events (see the engine-vs-oracle test).
 *
 * <p>Edges: program order; thread start → the child's first event; the child's last event before a
 * join → the join; every release of a lock → each later acquire of it, except shared → shared;
 * every hand-off send → each later receive on the channel; a volatile write → a later read of the
 * location that saw its value, choosing the latest write before the read if its value matches, else
 * the one before it. The {@link EdgePolicy} filters lock and volatile edges.
 */
public final class ReferenceHappensBefore {
  private final List<Event> events;
  private final List<List<Integer>> successors = new ArrayList<>();
  private final BitSet[] reach;
  private final LongPredicate reorderable;

  /**
   * The oracle of {@code trace} under {@code policy}; {@code reorderable} names the objects whose
   * lock or hand-off order was an accident of timing (see {@link EdgePolicy#objectEdges}).
   */
  public ReferenceHappensBefore(List<Event> trace, EdgePolicy policy, LongPredicate reorderable) {
    this.events = List.copyOf(trace);
    this.reorderable = reorderable;
    for (int i = 0; i < events.size(); i++) {
      successors.add(new ArrayList<>());
    }
    buildEdges(policy);
    reach = new BitSet[events.size()];
    for (int i = events.size() - 1; i >= 0; i--) {
      BitSet r = new BitSet();
      for (int s : successors.get(i)) {
        r.set(s);
        r.or(reach[s]);
      }
      reach[i] = r;
    }
  }

  /** True if event number {@code a} (index in the trace) happens-before event number {@code b}. */
  public boolean happensBefore(int a, int b) {
    return reach[a].get(b);
  }

  /**
   * A shortest chain of edges from event number {@code a} to event number {@code b} (both
   * included), or an empty list if {@code a} does not happen-before {@code b}.
   */
  public List<Integer> path(int a, int b) {
    if (!happensBefore(a, b)) {
      return List.of();
    }
    int[] from = new int[events.size()];
    java.util.Arrays.fill(from, -1);
    java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
    queue.add(a);
    from[a] = a;
    while (!queue.isEmpty()) {
      int x = queue.poll();
      if (x == b) {
        break;
      }
      for (int next : successors.get(x)) {
        if (from[next] < 0) {
          from[next] = x;
          queue.add(next);
        }
      }
    }
    java.util.LinkedList<Integer> chain = new java.util.LinkedList<>();
    for (int x = b; x != a; x = from[x]) {
      chain.addFirst(x);
    }
    chain.addFirst(a);
    return chain;
  }

  private void buildEdges(EdgePolicy policy) {
    Map<String, Integer> lastOfSegment = new HashMap<>();
    Map<Integer, String> segmentOf = new HashMap<>();
    Map<Integer, Integer> tasks = new HashMap<>();
    Map<Integer, Integer> pendingStart = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      int t = e.thread();
      boolean taskStart =
          policy.taskScoped() && e instanceof HandoffReceive r && r.how() == Handoff.EXECUTOR;
      if (taskStart) {
        int task = tasks.merge(t, 1, Integer::sum) - 1;
        segmentOf.put(t, t + "#" + (task % EdgePolicy.TASK_SLOTS));
      }
      String segment = segmentOf.computeIfAbsent(t, k -> k + "#first");
      Integer prev = lastOfSegment.put(segment, i);
      if (prev != null) {
        edge(prev, i);
      } else if (pendingStart.containsKey(t)) {
        edge(pendingStart.get(t), i);
      }
      if (e instanceof ThreadStart s) {
        pendingStart.put(s.child(), i);
      } else if (e instanceof ThreadJoin j) {
        boolean any = false;
        for (Map.Entry<String, Integer> last : lastOfSegment.entrySet()) {
          if (last.getKey().startsWith(j.child() + "#")) {
            edge(last.getValue(), i);
            any = true;
          }
        }
        if (!any && pendingStart.containsKey(j.child())) {
          edge(pendingStart.get(j.child()), i);
        }
      } else if (e instanceof LockAcquire a) {
        lockEdges(i, a.lock(), a.mode() == LockMode.SHARED, policy);
      } else if (e instanceof MonitorEnter m) {
        lockEdges(i, m.monitor(), false, policy);
      } else if (e instanceof HandoffReceive r
          && policy.objectEdges(r.how() != Handoff.ELEMENT && reorderable.test(r.channel()))) {
        for (int j = 0; j < i; j++) {
          if (events.get(j) instanceof HandoffSend s
              && s.channel() == r.channel()
              && (s.how() == Handoff.ELEMENT) == (r.how() == Handoff.ELEMENT)) {
            edge(j, i);
          }
        }
      } else if (e instanceof VolatileRead r && policy.volatileEdges()) {
        volatileEdge(i, r);
      }
    }
  }

  private void lockEdges(int acquire, long lock, boolean shared, EdgePolicy policy) {
    if (!policy.objectEdges(reorderable.test(lock))) {
      return;
    }
    for (int j = 0; j < acquire; j++) {
      Event e = events.get(j);
      boolean sharedRelease;
      if (e instanceof LockRelease r && r.lock() == lock) {
        sharedRelease = r.mode() == LockMode.SHARED;
      } else if (e instanceof MonitorExit m && m.monitor() == lock) {
        sharedRelease = false;
      } else {
        continue;
      }
      if (!(shared && sharedRelease)) {
        edge(j, acquire);
      }
    }
  }

  private void volatileEdge(int read, VolatileRead r) {
    int last = -1;
    int previous = -1;
    for (int j = 0; j < read; j++) {
      if (events.get(j) instanceof VolatileWrite w
          && w.field() == r.field()
          && w.object() == r.object()) {
        previous = last;
        last = j;
      }
    }
    if (last >= 0 && ((VolatileWrite) events.get(last)).value() == r.value()) {
      edge(last, read);
    } else if (previous >= 0 && ((VolatileWrite) events.get(previous)).value() == r.value()) {
      edge(previous, read);
    }
  }

  private void edge(int from, int to) {
    successors.get(from).add(to);
  }
}
