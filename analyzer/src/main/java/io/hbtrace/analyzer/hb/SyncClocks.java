package io.hbtrace.analyzer.hb;

import io.hbtrace.traces.event.Handoff;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.Arrays;

/**
 * The vector-clock engine of one relation: keeps one clock per logical thread, and advances them,
 * with the {@link ObjectClock} of each lock, hand-off channel and object with volatile fields (kept
 * by the caller, who finds it once per event for every relation it advances, and drops it with the
 * object), over the synchronization events of a trace in order-key order.
 *
 * <p>Rules (each keeps the invariant that a logical thread's clock covers exactly the events that
 * happen-before its next event):
 *
 * <ul>
 *   <li>exclusive acquire joins the lock's last exclusive release and the shared releases since;
 *       shared acquire joins only the last exclusive release (readers do not order each other);
 *   <li>exclusive release sets the lock's clock to the thread's and forgets earlier shared releases
 *       (the releasing writer has seen them); shared release joins into the lock's reader clock;
 *       every release-type event whose edges count then ticks the thread (a new interval begins; a
 *       release no one can learn from needs none);
 *   <li>thread start gives the child the parent's clock; join gives the parent the child's;
 *   <li>a hand-off send joins into the channel, a receive joins the channel's clock;
 *   <li>a volatile read joins the clock of the write it saw: the latest write to that field if it
 *       holds the value read, else the one before it if that does (a write's order key is taken
 *       before its store, so one overlapping write may be recorded ahead of the value it replaced).
 * </ul>
 *
 * <p>Clock slots are logical threads, numbered densely from 1 in order of appearance (so clocks
 * stay as short as the number of threads seen). Normally a trace thread is one logical thread; with
 * a task-scoped {@link EdgePolicy}, each task a thread starts on an executor hand-off runs on a
 * logical thread of its own, from a round-robin pool of {@link EdgePolicy#TASK_SLOTS}. Stamps name
 * logical threads. Which lock and volatile edges count is decided by the policy.
 *
 * <p>Longer than most files here: one method per rule above, over the same clocks, kept together so
 * that the invariant they all keep reads in one place.
 */
public final class SyncClocks {
  private final EdgePolicy policy;
  private ThreadClock[] logical = new ThreadClock[16];
  private int nextLogical = 1;
  private static final int MAX_INITIAL_WIDTH = 64;
  private int width = 8;
  private final Int2ObjectOpenHashMap<Real> real = new Int2ObjectOpenHashMap<>();
  private int lastTid = -1;
  private Real lastReal;
  private int currentTid = -1;
  private ThreadClock currentClock; // the current logical thread of trace thread currentTid

  public SyncClocks(EdgePolicy policy) {
    this.policy = policy;
  }

  /** Forgets every clock, keeping the tables' capacity (a new scope: see {@code Clocks.reset}). */
  public void clear() {
    Arrays.fill(logical, null);
    nextLogical = 1;
    real.clear();
    lastTid = -1;
    lastReal = null;
    currentTid = -1;
    currentClock = null;
  }

  /** The live clock of trace thread {@code t} (do not keep it: it changes; use {@link #stamp}). */
  public VectorClock clock(int t) {
    return current(t).clock;
  }

  /** A stamp of an event of trace thread {@code t} at {@code seq}, valid forever. */
  public Stamp stamp(int t, long seq) {
    ThreadClock tc = current(t);
    return new Stamp(tc.id, seq, tc.clock.get(tc.id), snapshot(tc));
  }

  /** The logical thread trace thread {@code t} runs on now: a stamp's {@code thread}. */
  public int logicalThread(int t) {
    return current(t).id;
  }

  /** Trace thread {@code t}'s own clock entry now: a stamp's {@code epoch}. */
  public int epoch(int t) {
    ThreadClock tc = current(t);
    return tc.clock.get(tc.id);
  }

  /** Trace thread {@code t}'s clock now, as the immutable snapshot a stamp holds. */
  public VectorClock snapshot(int t) {
    return snapshot(current(t));
  }

  /**
   * The thread's clock as an immutable copy, exact in every entry but (possibly) its own: made once
   * per stretch in which the thread learns nothing from others (copy-on-write), not once per tick.
   */
  private static VectorClock snapshot(ThreadClock tc) {
    if (tc.snapshot == null) {
      tc.snapshot = tc.clock.copy();
    }
    return tc.snapshot;
  }

  /**
   * An acquire by trace thread {@code t} of a lock whose clock in this relation is {@code c} (null
   * if it has none); {@code reorderable}: see {@link EdgePolicy#objectEdges}.
   */
  public void acquire(int t, ObjectClock c, boolean reorderable, boolean shared) {
    if (c == null || !policy.objectEdges(reorderable)) {
      return;
    }
    ThreadClock tc = current(t);
    // the lock's clock is its last releaser's snapshot at the release
    if (c.writer != null) {
      learnFrom(tc, c.writer, c.writerThread, c.writerEpoch);
    }
    if (!shared && c.readers != null) {
      join(tc, c.readers);
    }
  }

  /**
   * A release by trace thread {@code t} of a lock whose clock here is {@code c} (null if it has
   * none yet); returns the lock's clock afterwards, made on its first counted release.
   */
  public ObjectClock release(int t, ObjectClock c, boolean reorderable, boolean shared) {
    if (!policy.objectEdges(reorderable)) {
      return c; // no acquire will learn from it: no clock to keep, no new interval needed
    }
    ThreadClock tc = current(t);
    if (c == null) {
      c = new ObjectClock();
    }
    if (shared) {
      if (c.readers == null) {
        c.readers = new VectorClock(width);
        c.readers.join(tc.clock);
      } else if (c.readerThread == tc.id && c.readerLearned == tc.learned) {
        // the same reader again, having learned nothing since: only its own entry moved on
        c.readers.set(tc.id, tc.clock.get(tc.id));
      } else {
        c.readers.join(tc.clock);
      }
      c.readerThread = tc.id;
      c.readerLearned = tc.learned;
    } else {
      c.writer = snapshot(tc); // immutable: shared with stamps and releases until the next join
      c.writerThread = tc.id;
      c.writerEpoch = tc.clock.get(tc.id);
      c.readers = null; // the releasing writer has seen every earlier reader
    }
    tick(tc);
    return c;
  }

  public void threadStart(int parent, int child) {
    ThreadClock p = current(parent);
    Real c = real(child);
    c.startClock = p.clock.copy();
    join(logical[c.current], p.clock);
    tick(p);
  }

  public void threadJoin(int parent, int child) {
    ThreadClock p = current(parent);
    Real c = real(child);
    join(p, logical[c.first].clock);
    logical[c.first].joined = true;
    if (c.pool != null) {
      for (int id : c.pool) {
        if (id != 0) {
          join(p, logical[id].clock);
          logical[id].joined = true;
        }
      }
    }
  }

  /**
   * A hand-off sent by trace thread {@code t} through a channel whose clock is {@code c} (null if
   * it has none yet); returns the channel's clock afterwards, made on its first counted send.
   */
  public ObjectClock send(int t, ObjectClock c, boolean reorderable) {
    if (!policy.objectEdges(reorderable)) {
      return c;
    }
    ThreadClock tc = current(t);
    if (c == null) {
      c = new ObjectClock();
    }
    if (c.channel == null) { // most channels carry one hand-off: share the sender's snapshot
      c.channel = snapshot(tc);
      c.senderThread = tc.id;
      c.senderEpoch = tc.clock.get(tc.id);
    } else {
      if (c.senderThread != 0) { // a second send: the channel needs a clock of its own
        c.channel = c.channel.copy();
        c.channel.set(c.senderThread, c.senderEpoch);
        c.senderThread = 0;
      }
      c.channel.join(tc.clock);
    }
    tick(tc);
    return c;
  }

  /**
   * A hand-off receive; {@code c} is the channel's clock or null, {@code how} a {@link Handoff}
   * code (an executor task starts here).
   */
  public void receive(int t, ObjectClock c, boolean reorderable, int how) {
    if (how == Handoff.EXECUTOR && policy.taskScoped()) {
      beginTask(t);
    }
    if (c != null && c.channel != null && policy.objectEdges(reorderable)) {
      ThreadClock tc = current(t);
      if (c.senderThread == 0) { // joined from several sends
        join(tc, c.channel);
      } else { // one send: the sender's shared snapshot
        learnFrom(tc, c.channel, c.senderThread, c.senderEpoch);
      }
    }
  }

  /**
   * A write of {@code value} by trace thread {@code t} to volatile field {@code field} of an object
   * whose clock here is {@code c} (null if it has none yet); returns the object's clock afterwards,
   * made on its first counted write. The write keeps the writer's snapshot, shared (copy-on-write,
   * as a release does), and its epoch, not a copy of its clock.
   */
  public ObjectClock volatileWrite(int t, ObjectClock c, int field, long value) {
    if (!policy.volatileEdges()) {
      return c;
    }
    ThreadClock tc = current(t);
    if (c == null) {
      c = new ObjectClock();
    }
    VolatileClock v = c.volatileField(field);
    if (v == null) {
      v = new VolatileClock(field, c.volatiles);
      c.volatiles = v;
    }
    v.previousValue = v.lastValue;
    v.previous = v.last;
    v.previousThread = v.lastThread;
    v.previousEpoch = v.lastEpoch;
    v.lastValue = value;
    v.last = snapshot(tc);
    v.lastThread = tc.id;
    v.lastEpoch = tc.clock.get(tc.id);
    tick(tc);
    return c;
  }

  /**
   * A read of {@code value} by trace thread {@code t} from volatile field {@code field} of an
   * object whose clock here is {@code c} (null if it has none): it joins the clock of the write it
   * saw, the latest write to the field if it holds the value read, else the one before it if that
   * does.
   */
  public void volatileRead(int t, ObjectClock c, int field, long value) {
    if (c == null || !policy.volatileEdges()) {
      return;
    }
    VolatileClock v = c.volatileField(field);
    if (v == null) {
      return;
    }
    if (v.last != null && v.lastValue == value) {
      learnFrom(current(t), v.last, v.lastThread, v.lastEpoch);
    } else if (v.previous != null && v.previousValue == value) {
      learnFrom(current(t), v.previous, v.previousThread, v.previousEpoch);
    }
  }

  /**
   * Joins snapshot {@code w} of logical thread {@code writer}, taken at its epoch {@code epoch} (a
   * lock's last exclusive release, a one-send channel, a volatile write): nothing to do if the
   * thread already knows that epoch (FastTrack's check, O(1)); a snapshot is shared until its
   * thread next learns something, so its own entry may be older than the epoch, and that entry is
   * set as well.
   */
  private static void learnFrom(ThreadClock tc, VectorClock w, int writer, int epoch) {
    if (tc.clock.get(writer) < epoch) {
      join(tc, w);
      tc.clock.set(writer, epoch);
      learned(tc);
    }
  }

  /**
   * True if every logical thread not yet joined has seen {@code s}: no later event of any live
   * thread can be unordered with it (threads started later inherit their starter's clock).
   */
  public boolean seenByAllLive(Stamp s) {
    for (int id = 1; id < nextLogical; id++) {
      ThreadClock tc = logical[id];
      if (!tc.joined && id != s.thread() && tc.clock.get(s.thread()) < s.epoch()) {
        return false;
      }
    }
    return true;
  }

  /** Number of logical threads with state. */
  public int size() {
    return nextLogical - 1;
  }

  private void beginTask(int t) {
    Real r = real(t);
    if (r.pool == null) {
      r.pool = new int[EdgePolicy.TASK_SLOTS];
    }
    int slot = r.tasks++ % EdgePolicy.TASK_SLOTS;
    if (r.pool[slot] == 0) {
      r.pool[slot] = newLogical();
      if (r.startClock != null) {
        join(logical[r.pool[slot]], r.startClock);
      }
    }
    r.current = r.pool[slot];
    currentTid = -1; // the thread's current logical thread changed
  }

  private ThreadClock current(int t) {
    // events come in runs of one thread; small enough for the JIT to inline at every caller
    return t == currentTid ? currentClock : switchTo(t);
  }

  private ThreadClock switchTo(int t) {
    Real r = real(t); // first: it may grow the logical table
    currentClock = logical[r.current];
    currentTid = t;
    return currentClock;
  }

  private Real real(int t) {
    if (t == lastTid) {
      return lastReal; // events come in runs of one thread
    }
    Real r = real.get(t);
    if (r == null) {
      r = new Real();
      r.first = newLogical();
      r.current = r.first;
      real.put(t, r);
    }
    lastTid = t;
    lastReal = r;
    return r;
  }

  private int newLogical() {
    int id = nextLogical++;
    if (id >= logical.length) {
      logical = Arrays.copyOf(logical, logical.length * 2);
    }
    // as wide as the widest clock so far (up to a bound): scopes tend to look alike, and a clock
    // that starts wide enough never grows
    width = Math.min(Math.max(width, id + 1), MAX_INITIAL_WIDTH);
    ThreadClock tc = new ThreadClock(id, width);
    tc.clock.set(id, 1);
    logical[id] = tc;
    return id;
  }

  /** The thread's clock grew in another thread's entry: its snapshot is out of date. */
  private static void learned(ThreadClock tc) {
    tc.snapshot = null;
    tc.learned++;
  }

  private static void join(ThreadClock tc, VectorClock other) {
    if (tc.clock.join(other)) {
      learned(tc);
    }
  }

  /** Starts the thread's next interval; its snapshot stays valid (see {@link #snapshot}). */
  private static void tick(ThreadClock tc) {
    tc.clock.tick(tc.id);
  }

  /** A trace thread: its first logical thread, the current one, its task pool and start. */
  private static final class Real {
    VectorClock startClock;
    int first;
    int current;
    int[] pool;
    int tasks;
  }

  private static final class ThreadClock {
    final int id;
    final VectorClock clock;
    VectorClock snapshot;

    /** Counts the times the clock grew in another thread's entry (see {@link #learned}). */
    int learned;

    boolean joined;

    ThreadClock(int id, int width) {
      this.id = id;
      this.clock = new VectorClock(width);
    }
  }
}
