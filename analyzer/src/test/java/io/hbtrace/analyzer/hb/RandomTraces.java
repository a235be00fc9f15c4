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
import io.hbtrace.traces.event.SizeUpdate;
import io.hbtrace.traces.event.ThreadJoin;
import io.hbtrace.traces.event.ThreadStart;
import io.hbtrace.traces.event.VolatileRead;
import io.hbtrace.traces.event.VolatileWrite;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Generates well-formed random traces: thread 1 starts the others and joins them once they are
 * done; threads take read-write locks and monitors with proper nesting and exclusion, hand off
 * through channels, write and read volatile locations, and record plain domain events between.
 */
final class RandomTraces {
  private static final int LOCKS = 3;
  private static final int CHANNELS = 2;

  private RandomTraces() {}

  static List<Event> generate(long seed, int threads, int length) {
    Random r = new Random(seed);
    List<Event> out = new ArrayList<>();
    Sim sim = new Sim(threads);
    long seq = 0;
    for (int child = 2; child <= threads; child++) {
      sim.started[child] = true;
      // in bigger traces every third thread just appears, as one started outside the
      // instrumented code does (a service thread of the JDK, say)
      if (threads < 10 || child % 3 != 0) {
        out.add(new ThreadStart(seq++, 1, 0, child));
      }
    }
    while (out.size() < length) {
      int t = 1 + r.nextInt(threads);
      Event e = sim.step(t, r, seq);
      if (e != null) {
        sim.events[t]++;
        out.add(e);
        seq++;
      }
    }
    return out;
  }

  private static final class Sim {
    final boolean[] started;
    final boolean[] joined;
    final List<Deque<long[]>> held = new ArrayList<>();
    final int[] writer = new int[LOCKS + 1];
    final int[] readers = new int[LOCKS + 1];
    final long[] volatileValue = new long[3];
    final int[] events;

    Sim(int threads) {
      started = new boolean[threads + 1];
      joined = new boolean[threads + 1];
      events = new int[threads + 1];
      started[1] = true;
      for (int i = 0; i <= threads; i++) {
        held.add(new ArrayDeque<>());
      }
    }

    Event step(int t, Random r, long seq) {
      if (!started[t] || joined[t]) {
        return null;
      }
      Deque<long[]> mine = held.get(t);
      int choice = r.nextInt(10);
      if (t == 1 && choice == 0) {
        int child = 2 + r.nextInt(started.length - 2);
        boolean busyEnough = events[child] >= 10;
        if (child < started.length && busyEnough && !joined[child] && held.get(child).isEmpty()) {
          joined[child] = r.nextInt(4) == 0;
          if (joined[child]) {
            return new ThreadJoin(seq, t, 0, child);
          }
        }
        return null;
      }
      switch (choice) {
        case 1, 2 -> {
          int lock = 1 + r.nextInt(LOCKS);
          boolean monitor = lock == LOCKS;
          boolean shared = !monitor && r.nextBoolean();
          boolean alreadyMine = mine.stream().anyMatch(h -> h[0] == lock);
          if (alreadyMine || writer[lock] != 0 || (!shared && readers[lock] > 0)) {
            return null;
          }
          if (shared) {
            readers[lock]++;
          } else {
            writer[lock] = t;
          }
          mine.push(new long[] {lock, shared ? 1 : 0});
          return monitor
              ? new MonitorEnter(seq, t, 0, lock)
              : new LockAcquire(seq, t, 0, lock, shared ? LockMode.SHARED : LockMode.EXCLUSIVE);
        }
        case 3, 4 -> {
          if (mine.isEmpty()) {
            return null;
          }
          long[] h = mine.pop();
          int lock = (int) h[0];
          boolean shared = h[1] == 1;
          if (shared) {
            readers[lock]--;
          } else {
            writer[lock] = 0;
          }
          return lock == LOCKS
              ? new MonitorExit(seq, t, 0, lock)
              : new LockRelease(seq, t, 0, lock, shared ? LockMode.SHARED : LockMode.EXCLUSIVE);
        }
        case 5 -> {
          // an element's hand-off now and then: a channel apart from the object's own
          int how = r.nextInt(4) == 0 ? Handoff.ELEMENT : Handoff.EXECUTOR;
          return new HandoffSend(seq, t, 0, 100 + r.nextInt(CHANNELS), how);
        }
        case 6 -> {
          // executor receives start tasks (task-scoped in the must-order); others are plain
          // a service thread takes its next task holding no lock
          int how =
              r.nextInt(4) == 0
                  ? Handoff.ELEMENT
                  : mine.isEmpty() && r.nextBoolean() ? Handoff.EXECUTOR : Handoff.LATCH;
          return new HandoffReceive(seq, t, 0, 100 + r.nextInt(CHANNELS), how);
        }
        case 7 -> {
          int loc = r.nextInt(volatileValue.length);
          volatileValue[loc] = r.nextInt(3);
          return new VolatileWrite(seq, t, 0, loc + 1, holder(loc), volatileValue[loc]);
        }
        case 8 -> {
          int loc = r.nextInt(volatileValue.length);
          long seen = r.nextInt(4) == 0 ? r.nextInt(3) : volatileValue[loc];
          return new VolatileRead(seq, t, 0, loc + 1, holder(loc), seen);
        }
        default -> {
          return new SizeUpdate(seq, t, 0, 1, seq, seq + 1);
        }
      }
    }
  }

  /**
   * The object holding volatile location {@code loc}: two fields of one object, and one field of an
   * object that is also a lock.
   */
  private static long holder(int loc) {
    return loc == 1 ? 1 : 7;
  }
}
