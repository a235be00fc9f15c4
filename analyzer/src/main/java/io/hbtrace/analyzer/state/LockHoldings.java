package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.Symbols;
import io.hbtrace.traces.event.LockMode;
import java.util.Arrays;

/**
 * Who holds which lock right now: per lock its exclusive holder and shared holders, kept in the
 * lock's {@link TracedObject}. Re-entrant acquisitions nest. Owner-less locks (a page lock taken by
 * the reader and released by the thread completing the read) are released by whoever releases them.
 * Only locks whose role says a check asks who holds them are tracked ({@link
 * ObjectRoles#holderMatters}); the others are ignored. Of every lock and monitor, whatever its
 * role, it counts how often it was taken and given back ({@link #unbalanced}).
 */
public final class LockHoldings {
  private final TracedObjects objects;
  private int held;
  private int unbalanced; // records whose holds are not 0 (see #unbalanced)

  /** Holdings kept in the records of {@code objects}. */
  public LockHoldings(TracedObjects objects) {
    this.objects = objects;
  }

  /** An acquire of {@code lock} in {@code mode} by {@code thread} at {@code site}. */
  public void acquired(int thread, long lock, int mode, int site) {
    TracedObject o = objects.getOrAdd(lock);
    count(o, 1);
    o.lastTaker = thread;
    o.lastTakenAt = site;
    if (!o.held) {
      return;
    }
    Holders h = o.holders;
    if (h == null) {
      h = new Holders(); // kept with the lock: it is taken again and again
      o.holders = h;
    }
    boolean wasFree = h.free();
    if (mode == LockMode.SHARED) {
      h.addShared(thread, 1);
    } else {
      h.exclusiveOwner = thread;
      h.exclusiveDepth++;
    }
    held += wasFree ? 1 : 0;
  }

  /** A release of {@code lock} in {@code mode} by {@code thread}. */
  public void released(int thread, long lock, int mode) {
    TracedObject o = objects.getOrAdd(lock);
    count(o, -1);
    Holders h = o.holders;
    if (h == null || h.free()) {
      return;
    }
    if (mode == LockMode.SHARED) {
      h.addShared(thread, -1);
    } else if (h.exclusiveDepth > 0 && --h.exclusiveDepth == 0) {
      h.exclusiveOwner = 0;
    }
    held -= h.free() ? 1 : 0;
  }

  private void count(TracedObject o, int d) {
    int before = o.holds;
    o.holds = before + d;
    if (before == 0) {
      unbalanced++;
    } else if (o.holds == 0) {
      unbalanced--;
    }
  }

  /**
   * Locks and monitors taken more often than given back, or the other way round, so far (those
   * freed since included): at the end of a trace, a thread still holding one at exit, or an acquire
   * or release the agent did not record.
   */
  public int unbalanced() {
    return unbalanced;
  }

  /**
   * A lock or monitor still held ({@code held}: taken more often than given back) or given back
   * more often than taken, as {@code "lock ID, last taken by thread T at SITE"}; null if none.
   */
  public String unbalanced(boolean held, Symbols symbols) {
    TracedObject o = objects.find(r -> held ? r.holds > 0 : r.holds < 0);
    if (o == null) {
      return null;
    }
    return "lock "
        + o.id
        + (o.lastTaker == 0
            ? ""
            : ", last taken by thread '"
                + symbols.threadName(o.lastTaker)
                + "' at "
                + symbols.site(o.lastTakenAt).shortForm());
  }

  /** True if some thread holds {@code lock} in any mode. */
  public boolean heldByAnyone(long lock) {
    Holders h = holders(lock);
    return h != null && !h.free();
  }

  /** True if {@code thread} holds {@code lock} exclusively. */
  public boolean heldExclusivelyBy(int thread, long lock) {
    Holders h = holders(lock);
    return h != null && h.exclusiveOwner == thread;
  }

  /** True if {@code thread} holds {@code lock} in any mode. */
  public boolean heldBy(int thread, long lock) {
    Holders h = holders(lock);
    return h != null && (h.exclusiveOwner == thread || h.sharedBy(thread) > 0);
  }

  /** Number of locks currently held by anyone (for memory tests). */
  public int size() {
    return held;
  }

  private Holders holders(long lock) {
    TracedObject o = objects.get(lock);
    return o == null ? null : o.holders;
  }

  /** One lock's holders: the exclusive owner, and the few shared holders with their depths. */
  static final class Holders {
    int exclusiveOwner;
    int exclusiveDepth;
    int sharedTotal;
    int[] sharedThreads = new int[2];
    int[] sharedDepths = new int[2];
    int sharedN;

    void addShared(int thread, int delta) {
      for (int i = 0; i < sharedN; i++) {
        if (sharedThreads[i] == thread) {
          if (sharedDepths[i] + delta < 0) {
            return;
          }
          sharedDepths[i] += delta;
          sharedTotal += delta;
          if (sharedDepths[i] == 0) {
            sharedN--;
            sharedThreads[i] = sharedThreads[sharedN];
            sharedDepths[i] = sharedDepths[sharedN];
          }
          return;
        }
      }
      if (delta <= 0) {
        return;
      }
      if (sharedN == sharedThreads.length) {
        sharedThreads = Arrays.copyOf(sharedThreads, sharedN * 2);
        sharedDepths = Arrays.copyOf(sharedDepths, sharedN * 2);
      }
      sharedThreads[sharedN] = thread;
      sharedDepths[sharedN] = delta;
      sharedN++;
      sharedTotal += delta;
    }

    boolean free() {
      return exclusiveOwner == 0 && sharedTotal == 0;
    }

    int sharedBy(int thread) {
      for (int i = 0; i < sharedN; i++) {
        if (sharedThreads[i] == thread) {
          return sharedDepths[i];
        }
      }
      return 0;
    }
  }
}
