package io.hbtrace.agent.schedule;

import io.hbtrace.traces.TraceException;
import io.hbtrace.traces.event.EventKind;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows a recorded run. A thread records its next event only when every event recorded before it
 * has been recorded again, and then runs alone until its next event, until it blocks in a wait the
 * hooks announce, or until it stops; so what it does between two events meets the same state as
 * when it was recorded. Live threads are bound to recorded ones by name, in the order of their
 * first events. A thread that reaches an event other than its next recorded one (kind, site, domain
 * field values, the object a synchronization event used) makes the run diverge: that is said in one
 * line, and from then on every thread runs unscheduled, so the program always finishes.
 *
 * <p>A turn's owner that blocks where no hook sees it (an executor's idle wait, a lock that a
 * thread woken from a wait took ahead of its turn) or ends is found by the waiting threads after a
 * while without progress; its turn is then ended for it. Where that lets events go in another order
 * than recorded, the step is counted as forced.
 *
 * <p>Longer than most files here: every thread's cursor, the shared position and the stall handling
 * change together under one lock, and are kept together so that invariant reads in one place.
 */
public final class ReplayScheduler implements Scheduler {
  private static final int SPINS = 64;
  private static final int VOLATILE_READ = EventKind.VOLATILE_READ.code();
  private static final int VOLATILE_WRITE = EventKind.VOLATILE_WRITE.code();
  private static final long PARK_NANOS = 500_000;
  private static final long CHECK_NANOS = 1_000_000;
  private static final long BLOCKED_NANOS = 20_000_000;
  private static final long ASLEEP_NANOS = 200_000_000;
  private static final long STALL_NANOS = 10_000_000_000L;

  private final RecordedSchedule s;
  private final ReplayReport report;
  private final PrintStream err;
  private final SiteMap sites;
  private final Map<String, ArrayDeque<Integer>> unbound;
  private final Thread[] live;
  private final AtomicReferenceArray<Thread> waiting;
  private final int[] waitingFor;
  private final boolean[] consumed;
  private final ObjectPairs objects = new ObjectPairs();

  /** First entry not yet done. */
  private volatile int next;

  /** The entry whose turn its owner holds in order, or -1. */
  private volatile int active = -1;

  /** Whether the owner of {@link #active} has recorded it (else it is inside a lock acquire). */
  private volatile boolean activeRecorded;

  /** An entry allowed to go out of order, or -1. */
  private volatile int permitted = -1;

  private volatile long progress;
  private volatile long lastProgressAt = System.nanoTime();
  private volatile boolean free;
  private volatile boolean ended;
  private final Map<Thread, Cursor> cursors = Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Each thread's cursor, found again through {@link #cursors} when a pool clears its threads'
   * thread-local values between tasks (the common ForkJoinPool on newer JDKs).
   */
  private final ThreadLocal<Cursor> cursor =
      ThreadLocal.withInitial(
          () -> cursors.computeIfAbsent(Thread.currentThread(), t -> new Cursor()));

  /** Where a live thread is in its recorded thread's events. */
  private static final class Cursor {
    int tid = -1;

    /** Index in the recorded thread's entries of its next event. */
    int pos;

    /** The entry whose turn this thread holds, or -1. */
    int held = -1;

    /** Whether {@link #held} is recorded (else its lock acquire is under way). */
    boolean recorded;
  }

  /**
   * A scheduler following the trace at {@code trace}, recorded with a spec of digest {@code
   * specDigest}; at exit it writes how the run went to {@code result} (if not null) and says on
   * {@code err} where it diverged, if it did.
   *
   * @throws IllegalArgumentException if the trace was recorded with another spec
   */
  public static ReplayScheduler of(Path trace, String specDigest, Path result, PrintStream err)
      throws TraceException {
    RecordedSchedule s = RecordedSchedule.load(trace);
    if (s.specDigest != null && !s.specDigest.equals(specDigest)) {
      throw new IllegalArgumentException(
          "it was recorded with another tracepoint spec (digest "
              + s.specDigest
              + ", this one "
              + specDigest
              + "): give the spec it was recorded with");
    }
    return new ReplayScheduler(s, new ReplayReport(result), err);
  }

  ReplayScheduler(RecordedSchedule s, ReplayReport report, PrintStream err) {
    this.s = s;
    this.report = report;
    this.err = err;
    this.sites = new SiteMap(s.siteKeys);
    this.unbound = s.threadsByName();
    this.live = new Thread[s.entriesOf.length];
    this.waiting = new AtomicReferenceArray<>(s.entriesOf.length);
    this.waitingFor = new int[s.entriesOf.length];
    this.consumed = new boolean[s.size];
    this.free = s.size == 0;
    this.ended = s.size == 0;
  }

  @Override
  public void siteDefined(int site, String className, String method, int line) {
    sites.define(site, className, method, line);
  }

  /**
   * A failed {@code tryLock} is not recorded: a try whose acquire is not the thread's next recorded
   * event (after at most a few volatile accesses) failed when recorded, and is made to fail again
   * (false) rather than attempted, since it might succeed now and take the run elsewhere.
   */
  @Override
  public boolean awaitTurnBefore(int kind, int site) {
    Cursor c = cursor.get();
    int entry = nextEntry(c);
    if (entry < 0) {
      return true;
    }
    if (!acquireComes(c, kind, sites.index(site))) {
      return false; // keep the turn (held already, or not yet taken, for another event)
    }
    if (c.held != entry) {
      endTurn(c);
      take(entry, c, false);
    }
    return true;
  }

  /**
   * Whether the thread's next recorded events are the acquire of {@code kind} at {@code site},
   * after at most a few volatile accesses made inside the lock's own code (a lock class that the
   * spec includes, publishing a flag once it holds the lock).
   */
  private boolean acquireComes(Cursor c, int kind, int siteIndex) {
    int[] mine = s.entriesOf[c.tid];
    for (int p = c.pos; p < mine.length && p < c.pos + 4; p++) {
      int e = mine[p];
      int k = s.kind[e] & 0xFF;
      if (k == kind && s.site[e] == siteIndex) {
        return true;
      }
      if (k != VOLATILE_READ && k != VOLATILE_WRITE) {
        return false;
      }
    }
    return false;
  }

  @Override
  public void awaitTurn(int kind, int site, long f0, long f1, long f2, long f3, long f4, long f5) {
    long fields = EventKey.fields(kind, f0, f1, f2, f3, f4, f5);
    Cursor c = cursor.get();
    if (c.held >= 0 && c.recorded) {
      endTurn(c);
    }
    int entry = nextEntry(c);
    if (entry < 0) {
      unscheduled(c, kind, site);
      return;
    }
    int want = s.kind[entry] & 0xFF;
    if (want != kind || s.site[entry] != sites.index(site) || s.key(entry) != fields) {
      diverge(
          reached(c, kind, site)
              + (want == kind && s.key(entry) != fields ? " with other values" : "")
              + " where the recording has "
              + s.describe(entry));
      return;
    }
    if (c.held != entry) {
      take(entry, c, true);
    } else {
      c.recorded = true;
      if (active == entry) {
        activeRecorded = true;
      }
    }
    // in its turn, so objects are paired in the recorded order
    if (!free && !objects.match(s.object[entry], EventKey.object(kind, f0, f1))) {
      diverge(reached(c, kind, site) + " on another object than the recording has there");
      return;
    }
    c.pos++;
  }

  @Override
  public long readValue(long actual) {
    int e = cursor.get().held;
    if (free || e < 0 || (s.kind[e] & 0xFF) != VOLATILE_READ) {
      return actual;
    }
    return s.readValue(e);
  }

  @Override
  public void yieldTurn(Object on) {
    Cursor c = cursor.get();
    if (c.held >= 0 && c.recorded) {
      endTurn(c);
    }
  }

  /** {@code thread 'NAME' reached KIND at SITE}, of the recorded thread {@code c} follows. */
  private String reached(Cursor c, int kind, int site) {
    return "thread '" + s.threadNames[c.tid] + "' reached " + sites.describe(kind, site);
  }

  private void unscheduled(Cursor c, int kind, int site) {
    if (!free && c.tid >= 0) {
      diverge(reached(c, kind, site) + " after its last recorded event");
    } else if (ended && !s.truncated) {
      diverge(
          "the run went on past the recording's last event: thread '"
              + Thread.currentThread().getName()
              + "' reached "
              + sites.describe(kind, site));
    }
  }

  /** The calling thread's next recorded entry; -1 when unscheduled (free, unknown, or done). */
  private int nextEntry(Cursor c) {
    if (free) {
      return -1;
    }
    if (c.tid < 0 && !bind(c)) {
      return -1;
    }
    int[] mine = s.entriesOf[c.tid];
    return c.pos < mine.length ? mine[c.pos] : -1;
  }

  private synchronized boolean bind(Cursor c) {
    Thread me = Thread.currentThread();
    ArrayDeque<Integer> candidates = unbound.get(me.getName());
    if (candidates == null || candidates.isEmpty()) {
      diverge("thread '" + me.getName() + "' has no counterpart in the recording");
      return false;
    }
    c.tid = candidates.poll();
    live[c.tid] = me;
    return true;
  }

  private void endTurn(Cursor c) {
    int e = c.held;
    if (e >= 0) {
      c.held = -1;
      consume(e);
    }
  }

  /** Waits until {@code entry} may go, and holds its turn. */
  private void take(int entry, Cursor c, boolean recorded) {
    waitFor(entry, c);
    c.held = entry;
    c.recorded = recorded;
    if (entry == next) {
      activeRecorded = recorded;
      active = entry;
    }
  }

  private void waitFor(int entry, Cursor c) {
    if (next == entry) {
      return;
    }
    waitingFor[c.tid] = entry;
    waiting.set(c.tid, Thread.currentThread());
    try {
      for (int spins = 0; !free && next != entry; spins++) {
        if (permitted == entry && takePermit(entry)) {
          return;
        }
        if (spins < SPINS) {
          Thread.onSpinWait();
          continue;
        }
        LockSupport.parkNanos(this, PARK_NANOS);
        if (System.nanoTime() - lastProgressAt > CHECK_NANOS) {
          stalled();
        }
      }
    } finally {
      waiting.set(c.tid, null);
    }
  }

  private synchronized boolean takePermit(int entry) {
    if (permitted != entry) {
      return false;
    }
    permitted = -1;
    return true;
  }

  private synchronized void consume(int entry) {
    if (consumed[entry]) {
      return;
    }
    consumed[entry] = true;
    progress++;
    lastProgressAt = System.nanoTime();
    if (active == entry) {
      active = -1;
    }
    int n = next;
    if (entry == n) {
      do {
        n++;
      } while (n < s.size && consumed[n]);
      next = n;
    }
    if (n >= s.size) {
      ended = true;
      free = true;
      wakeAll();
    } else {
      Thread t = waiting.get(s.thread[n]);
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }

  /** No progress for a while: end a turn whose owner cannot, or let the earliest waiter go. */
  private synchronized void stalled() {
    long idle = System.nanoTime() - lastProgressAt;
    int n = next;
    if (free || idle <= CHECK_NANOS || n >= s.size) {
      return;
    }
    if (permitted >= 0) {
      if (!awaited(permitted)) {
        permitted = -1; // its thread got there by itself, or went elsewhere
      }
      return;
    }
    Thread owner = live[s.thread[n]];
    Thread.State state = owner == null ? null : owner.getState();
    boolean blocked = state == Thread.State.BLOCKED || state == Thread.State.WAITING;
    if (active == n) {
      if (state == Thread.State.TERMINATED
          || (blocked && idle > BLOCKED_NANOS)
          || (state == Thread.State.TIMED_WAITING && idle > ASLEEP_NANOS)) {
        if (!activeRecorded) {
          report.forced++; // blocked in its lock acquire: the lock was taken out of turn
        }
        consume(n);
      } else if (idle > STALL_NANOS) {
        report.forced++;
        consume(n);
      }
      return;
    }
    if (state == Thread.State.TERMINATED) {
      diverge(
          "thread '" + s.threadNames[s.thread[n]] + "' ended before its recorded " + s.describe(n));
    } else if (blocked && idle > BLOCKED_NANOS && permitEarliestWaiter()) {
      report.forced++;
    } else if (idle > STALL_NANOS) {
      diverge(
          (owner == null
                  ? "no thread reached"
                  : "thread '" + s.threadNames[s.thread[n]] + "' did not reach")
              + " the next recorded event, "
              + s.describe(n)
              + ", within "
              + STALL_NANOS / 1_000_000_000L
              + " s");
    }
  }

  private boolean awaited(int entry) {
    for (int tid = 0; tid < live.length; tid++) {
      if (waiting.get(tid) != null && waitingFor[tid] == entry) {
        return true;
      }
    }
    return false;
  }

  private boolean permitEarliestWaiter() {
    int best = -1;
    for (int tid = 0; tid < live.length; tid++) {
      if (waiting.get(tid) != null && (best < 0 || waitingFor[tid] < best)) {
        best = waitingFor[tid];
      }
    }
    if (best < 0) {
      return false;
    }
    permitted = best;
    lastProgressAt = System.nanoTime();
    Thread t = waiting.get(s.thread[best]);
    if (t != null) {
      LockSupport.unpark(t);
    }
    return true;
  }

  private synchronized void diverge(String why) {
    if (report.divergence != null) {
      return;
    }
    report.divergence = why + " (after " + progress + " of " + s.size + " recorded events)";
    err.println(
        "hbtrace-agent: the replay diverged: " + report.divergence + "; running on unscheduled");
    free = true;
    wakeAll();
  }

  private void wakeAll() {
    for (int tid = 0; tid < live.length; tid++) {
      Thread t = waiting.get(tid);
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }

  @Override
  public synchronized void finish() {
    if (active >= 0 && active == next && activeRecorded) {
      consume(active); // the last event's thread still holds its turn (it is exiting)
    }
    if (report.divergence == null && next < s.size) {
      Thread owner = live[s.thread[next]];
      diverge(
          "the run ended before "
              + (owner == null ? "a thread" : "thread '" + s.threadNames[s.thread[next]] + "'")
              + " reached "
              + s.describe(next));
    }
    report.followed = progress;
    report.scheduled = s.size;
    report.truncated = s.truncated;
    free = true;
    wakeAll();
    report.write(err);
  }
}
