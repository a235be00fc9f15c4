package io.hbtrace.analyzer.hb;

import io.hbtrace.traces.event.Event;
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

  public ReferenceHappensBefore(List<Event> trace, EdgePolicy policy) {
    this.events = List.copyOf(trace);
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

  private void buildEdges(EdgePolicy policy) {
    Map<Integer, Integer> lastOfThread = new HashMap<>();
    Map<Integer, Integer> pendingStart = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      Integer prev = lastOfThread.put(e.thread(), i);
      if (prev != null) {
        edge(prev, i);
      } else if (pendingStart.containsKey(e.thread())) {
        edge(pendingStart.get(e.thread()), i);
      }
      if (e instanceof ThreadStart s) {
        pendingStart.put(s.child(), i);
      } else if (e instanceof ThreadJoin j) {
        Integer last = lastOfThread.get(j.child());
        if (last != null) {
          edge(last, i);
        } else if (pendingStart.containsKey(j.child())) {
          edge(pendingStart.get(j.child()), i);
        }
      } else if (e instanceof LockAcquire a) {
        lockEdges(i, a.lock(), a.mode() == LockMode.SHARED, policy);
      } else if (e instanceof MonitorEnter m) {
        lockEdges(i, m.monitor(), false, policy);
      } else if (e instanceof HandoffReceive r) {
        for (int j = 0; j < i; j++) {
          if (events.get(j) instanceof HandoffSend s && s.channel() == r.channel()) {
            edge(j, i);
          }
        }
      } else if (e instanceof VolatileRead r && policy.volatileEdges()) {
        volatileEdge(i, r);
      }
    }
  }

  private void lockEdges(int acquire, long lock, boolean shared, EdgePolicy policy) {
    if (!policy.lockEdges(lock)) {
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
