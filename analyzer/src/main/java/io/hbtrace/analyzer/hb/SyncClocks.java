package io.hbtrace.analyzer.hb;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.Arrays;

/**
 * The vector-clock engine: keeps one clock per thread, lock, hand-off channel and volatile
 * location, and advances them over the synchronization events of a trace in order-key order.
 *
 * <p>Rules (each keeps the invariant that thread {@code t}'s clock covers exactly the events that
 * happen-before its next event):
 *
 * <ul>
 *   <li>exclusive acquire joins the lock's last exclusive release and the shared releases since;
 *       shared acquire joins only the last exclusive release (readers do not order each other);
 *   <li>exclusive release sets the lock's clock to the thread's and forgets earlier shared releases
 *       (the releasing writer has seen them); shared release joins into the lock's reader clock;
 *       every release-type event then ticks the thread (a new interval begins);
 *   <li>thread start gives the child the parent's clock; join gives the parent the child's;
 *   <li>a hand-off send joins into the channel, a receive joins the channel's clock;
 *   <li>a volatile read joins the clock of the write it saw: the latest write to that location if
 *       it holds the value read, else the one before it if that does (a write's order key is taken
 *       before its store, so one overlapping write may be recorded ahead of the value it replaced).
 * </ul>
 *
 * Which lock and volatile edges count is decided by the {@link EdgePolicy}.
 */
public final class SyncClocks {
  private final EdgePolicy policy;
  private ThreadClock[] threads = new ThreadClock[16];
  private final Long2ObjectOpenHashMap<LockClock> locks = new Long2ObjectOpenHashMap<>();
  private final Long2ObjectOpenHashMap<VectorClock> channels = new Long2ObjectOpenHashMap<>();
  private final Long2ObjectOpenHashMap<VolatileClock> volatiles = new Long2ObjectOpenHashMap<>();

  public SyncClocks(EdgePolicy policy) {
    this.policy = policy;
  }

  /** The live clock of thread {@code t} (do not keep it: it changes; use {@link #stamp}). */
  public VectorClock clock(int t) {
    return thread(t).clock;
  }

  /** A stamp of an event of thread {@code t} at {@code seq}, valid forever. */
  public Stamp stamp(int t, long seq) {
    ThreadClock tc = thread(t);
    if (tc.snapshot == null) {
      tc.snapshot = tc.clock.copy();
    }
    return new Stamp(t, seq, tc.snapshot);
  }

  public void acquire(int t, long lock, boolean shared) {
    LockClock l = locks.get(lock);
    if (l == null || !policy.lockEdges(lock)) {
      return;
    }
    ThreadClock tc = thread(t);
    if (l.writer != null) {
      join(tc, l.writer);
    }
    if (!shared && l.readers != null) {
      join(tc, l.readers);
    }
  }

  public void release(int t, long lock, boolean shared) {
    ThreadClock tc = thread(t);
    LockClock l = locks.computeIfAbsent(lock, k -> new LockClock());
    if (shared) {
      if (l.readers == null) {
        l.readers = new VectorClock();
      }
      l.readers.join(tc.clock);
    } else {
      if (l.writer == null) {
        l.writer = new VectorClock();
      }
      l.writer.copyFrom(tc.clock);
      if (l.readers != null) {
        l.readers.clear();
      }
    }
    tick(tc, t);
  }

  public void threadStart(int parent, int child) {
    ThreadClock p = thread(parent);
    ThreadClock c = thread(child);
    join(c, p.clock);
    tick(p, parent);
  }

  public void threadJoin(int parent, int child) {
    join(thread(parent), thread(child).clock);
    thread(child).joined = true;
  }

  /**
   * True if every thread not yet joined has seen {@code s}: no later event of any live thread can
   * be unordered with it (threads started later inherit their starter's clock).
   */
  public boolean seenByAllLive(Stamp s) {
    for (int t = 1; t < threads.length; t++) {
      ThreadClock tc = threads[t];
      if (tc != null && !tc.joined && t != s.thread() && tc.clock.get(s.thread()) < s.epoch()) {
        return false;
      }
    }
    return true;
  }

  public void send(int t, long channel) {
    ThreadClock tc = thread(t);
    VectorClock ch = channels.get(channel);
    if (ch == null) {
      ch = new VectorClock();
      channels.put(channel, ch);
    }
    ch.join(tc.clock);
    tick(tc, t);
  }

  public void receive(int t, long channel) {
    VectorClock ch = channels.get(channel);
    if (ch != null) {
      join(thread(t), ch);
    }
  }

  public void volatileWrite(int t, long location, long value) {
    ThreadClock tc = thread(t);
    if (policy.volatileEdges()) {
      VolatileClock v = volatiles.computeIfAbsent(location, k -> new VolatileClock());
      v.previousValue = v.lastValue;
      VectorClock recycled = v.previous;
      v.previous = v.last;
      v.lastValue = value;
      v.last = recycled == null ? new VectorClock() : recycled;
      v.last.copyFrom(tc.clock);
    }
    tick(tc, t);
  }

  public void volatileRead(int t, long location, long value) {
    if (!policy.volatileEdges()) {
      return;
    }
    VolatileClock v = volatiles.get(location);
    if (v == null) {
      return;
    }
    if (v.last != null && v.lastValue == value) {
      join(thread(t), v.last);
    } else if (v.previous != null && v.previousValue == value) {
      join(thread(t), v.previous);
    }
  }

  /** The object is gone: drop whatever clock it had as a lock, channel or volatile owner. */
  public void forget(long object) {
    locks.remove(object);
    channels.remove(object);
  }

  /** The volatile location key for field {@code field} of {@code object}. */
  public static long location(int field, long object) {
    return (object << 24) ^ field;
  }

  /** Number of threads, locks, channels and volatile locations with state (for memory tests). */
  public int size() {
    int n = 0;
    for (ThreadClock t : threads) {
      n += t == null ? 0 : 1;
    }
    return n + locks.size() + channels.size() + volatiles.size();
  }

  private ThreadClock thread(int t) {
    if (t >= threads.length) {
      threads = Arrays.copyOf(threads, Math.max(t + 1, threads.length * 2));
    }
    ThreadClock tc = threads[t];
    if (tc == null) {
      tc = new ThreadClock();
      tc.clock.set(t, 1);
      threads[t] = tc;
    }
    return tc;
  }

  private static void join(ThreadClock tc, VectorClock other) {
    if (!other.leq(tc.clock)) {
      tc.clock.join(other);
      tc.snapshot = null;
    }
  }

  private static void tick(ThreadClock tc, int t) {
    tc.clock.tick(t);
    tc.snapshot = null;
  }

  private static final class ThreadClock {
    final VectorClock clock = new VectorClock();
    VectorClock snapshot;
    boolean joined;
  }

  private static final class LockClock {
    VectorClock writer;
    VectorClock readers;
  }

  private static final class VolatileClock {
    long lastValue;
    VectorClock last;
    long previousValue;
    VectorClock previous;
  }
}
