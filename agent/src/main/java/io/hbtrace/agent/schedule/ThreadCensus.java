package io.hbtrace.agent.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What the explorer knows of the program's threads: which it has seen, which wait at an event (and
 * where), which are blocked in the program and on what; from that, whether the program is quiet and
 * which blocked threads are about to run. Not thread-safe: the explorer calls it under its lock,
 * except {@link #entering}/{@link #entered}, which count threads on their way in.
 */
final class ThreadCensus {
  /** How long a thread blocked on a monitor stays "on its way" before it counts as blocked. */
  static final long MONITOR_NANOS = 5_000_000;

  /**
   * How long a thread seen but not started stays "on its way": its starter leaves it NEW only for
   * the moment between naming it and starting it, or for good if the start failed (the system had
   * no thread to give), and then it must not keep the program from ever being quiet.
   */
  static final long NEW_NANOS = 100_000_000;

  private static final Object NOTHING = new Object();

  private final AtomicInteger arriving = new AtomicInteger();
  private final Set<Thread> known = new HashSet<>();
  private final Map<Thread, String> waitingAt = new HashMap<>();
  private final Map<Thread, Object> blocked = new HashMap<>();
  private final Map<Thread, Long> monitorSince = new HashMap<>();
  private final Map<Thread, Long> newSince = new HashMap<>();

  /**
   * A thread is entering the scheduler (blocked on its lock it would look blocked in the program).
   */
  void entering() {
    arriving.incrementAndGet();
  }

  void entered() {
    arriving.decrementAndGet();
  }

  void seen(Thread t) {
    known.add(t);
  }

  /** {@code t} waits at an event described by {@code where}; it is no longer blocked. */
  void waits(Thread t, String where) {
    known.add(t);
    waitingAt.put(t, where);
    blocked.remove(t);
  }

  void goes(Thread t) {
    waitingAt.remove(t);
  }

  boolean anyWaiting() {
    return !waitingAt.isEmpty();
  }

  String where(Thread t) {
    return waitingAt.get(t);
  }

  /**
   * {@code t} blocks in the program on {@code on} (a thread it joins, a lock, ...; may be null).
   */
  void blocks(Thread t, Object on) {
    blocked.put(t, on == null ? NOTHING : on);
  }

  /** The waiting threads in a stable order: by name. */
  List<Thread> waiting() {
    List<Thread> offered = new ArrayList<>(waitingAt.keySet());
    offered.sort((a, b) -> a.getName().compareTo(b.getName()));
    return offered;
  }

  /**
   * Every known thread waits at an event, is blocked, or has ended; none is on its way into the
   * scheduler. A thread blocked on a monitor counts as blocked only after {@link #MONITOR_NANOS}:
   * it may be the program's monitor (then it stays), or one inside the agent or the JVM for a
   * moment. A thread not yet started counts as on its way for {@link #NEW_NANOS}.
   */
  boolean quiet() {
    if (arriving.get() > 0) {
      return false;
    }
    known.removeIf(this::ended);
    long now = System.nanoTime();
    boolean quiet = true;
    for (Thread t : known) {
      if (waitingAt.containsKey(t)) {
        continue;
      }
      Thread.State s = t.getState();
      if (s == Thread.State.BLOCKED) {
        quiet &= now - monitorSince.computeIfAbsent(t, k -> now) > MONITOR_NANOS;
      } else if (s == Thread.State.NEW) {
        quiet &= now - newSince.computeIfAbsent(t, k -> now) > NEW_NANOS;
      } else {
        monitorSince.remove(t);
        newSince.remove(t);
        quiet &= s != Thread.State.RUNNABLE;
      }
    }
    return quiet;
  }

  /** True if {@code t} has ended; what was timed of it is forgotten. */
  private boolean ended(Thread t) {
    if (t.getState() != Thread.State.TERMINATED) {
      return false;
    }
    monitorSince.remove(t);
    newSince.remove(t);
    return true;
  }

  /**
   * Blocked threads about to run though still seen as blocked: those joining a thread that ended,
   * and those parked on a synchronizer that is free now (when the JDK's locks cannot be inspected,
   * any thread parked on one).
   */
  List<Thread> waking() {
    blocked.keySet().removeIf(t -> t.getState() == Thread.State.TERMINATED);
    List<Thread> out = new ArrayList<>();
    for (Map.Entry<Thread, Object> b : blocked.entrySet()) {
      Thread t = b.getKey();
      boolean joined =
          b.getValue() instanceof Thread
              && ((Thread) b.getValue()).getState() == Thread.State.TERMINATED;
      if (joined || (Wakes.known() ? Wakes.aboutToRun(t) : LockSupport.getBlocker(t) != null)) {
        out.add(t);
      }
    }
    return out;
  }

  /** Whether {@code t}, which was waking, got to an event, or turned out not to be running. */
  boolean settled(Thread t) {
    return waitingAt.containsKey(t)
        || !waking().contains(t) && t.getState() != Thread.State.RUNNABLE;
  }
}
