package io.hbtrace.analyzer.state;

import io.hbtrace.traces.event.LockMode;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;

/**
 * Who holds which lock right now: per lock its exclusive holder and shared holders, per thread the
 * locks it holds. Re-entrant acquisitions nest.
 */
public final class LockHoldings {
  private final Long2ObjectOpenHashMap<Holders> locks = new Long2ObjectOpenHashMap<>();
  private LongArrayList[] byThread = new LongArrayList[16];

  public void acquired(int thread, long lock, int mode) {
    Holders h = locks.computeIfAbsent(lock, k -> new Holders());
    if (mode == LockMode.SHARED) {
      h.shared = grow(h.shared, thread);
      h.shared[thread]++;
    } else {
      h.exclusiveOwner = thread;
      h.exclusiveDepth++;
    }
    held(thread).add(lock);
  }

  public void released(int thread, long lock, int mode) {
    Holders h = locks.get(lock);
    if (h == null) {
      return;
    }
    if (mode == LockMode.SHARED) {
      if (thread < h.shared.length && h.shared[thread] > 0) {
        h.shared[thread]--;
      }
    } else if (h.exclusiveOwner == thread && --h.exclusiveDepth == 0) {
      h.exclusiveOwner = 0;
    }
    LongArrayList mine = held(thread);
    int i = mine.lastIndexOf(lock);
    if (i >= 0) {
      mine.removeLong(i);
    }
    if (h.exclusiveOwner == 0 && h.sharedCount() == 0) {
      locks.remove(lock);
    }
  }

  /** True if some thread holds {@code lock} in any mode. */
  public boolean heldByAnyone(long lock) {
    Holders h = locks.get(lock);
    return h != null && (h.exclusiveOwner != 0 || h.sharedCount() > 0);
  }

  /** True if {@code thread} holds {@code lock} exclusively. */
  public boolean heldExclusivelyBy(int thread, long lock) {
    Holders h = locks.get(lock);
    return h != null && h.exclusiveOwner == thread;
  }

  /** True if {@code thread} holds {@code lock} in any mode. */
  public boolean heldBy(int thread, long lock) {
    Holders h = locks.get(lock);
    return h != null
        && (h.exclusiveOwner == thread || (thread < h.shared.length && h.shared[thread] > 0));
  }

  /** The locks {@code thread} holds now, outermost first (a copy). */
  public long[] heldLocks(int thread) {
    return held(thread).toLongArray();
  }

  /** Number of locks currently held by anyone (for memory tests). */
  public int size() {
    return locks.size();
  }

  private LongArrayList held(int thread) {
    if (thread >= byThread.length) {
      byThread = Arrays.copyOf(byThread, Math.max(thread + 1, byThread.length * 2));
    }
    LongArrayList l = byThread[thread];
    if (l == null) {
      l = new LongArrayList(4);
      byThread[thread] = l;
    }
    return l;
  }

  private static int[] grow(int[] a, int index) {
    return index < a.length ? a : Arrays.copyOf(a, Math.max(index + 1, a.length * 2));
  }

  private static final class Holders {
    int exclusiveOwner;
    int exclusiveDepth;
    int[] shared = new int[0];

    int sharedCount() {
      int n = 0;
      for (int s : shared) {
        n += s;
      }
      return n;
    }
  }
}
