package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.util.IdTable;
import io.hbtrace.traces.event.LockMode;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * Who holds which lock right now: per lock its exclusive holder and shared holders, per thread the
 * locks it holds. Re-entrant acquisitions nest. Owner-less locks (a page lock taken by the reader
 * and released by the thread completing the read) are released by whoever releases them. Only the
 * locks the filter names are tracked; the others are ignored.
 */
public final class LockHoldings {
  private final LongPredicate tracked;
  private final Long2ObjectOpenHashMap<Holders> locks = new Long2ObjectOpenHashMap<>();
  private final IdTable<LongArrayList> byThread = new IdTable<>();

  /** Holdings of every lock. */
  public LockHoldings() {
    this(lock -> true);
  }

  /** Holdings of the locks {@code tracked} accepts. */
  public LockHoldings(LongPredicate tracked) {
    this.tracked = tracked;
  }

  public void acquired(int thread, long lock, int mode) {
    if (!tracked.test(lock)) {
      return;
    }
    Holders h = locks.computeIfAbsent(lock, k -> new Holders());
    if (mode == LockMode.SHARED) {
      h.addShared(thread, 1);
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
      h.addShared(thread, -1);
      forget(thread, lock);
    } else if (h.exclusiveDepth > 0) {
      int owner = h.exclusiveOwner;
      if (--h.exclusiveDepth == 0) {
        h.exclusiveOwner = 0;
      }
      forget(owner, lock);
    }
    if (h.exclusiveOwner == 0 && h.sharedTotal == 0) {
      locks.remove(lock);
    }
  }

  private void forget(int thread, long lock) {
    LongArrayList list = byThread.get(thread);
    if (list == null) {
      return;
    }
    int i = list.lastIndexOf(lock);
    if (i >= 0) {
      list.removeLong(i);
    }
    if (list.isEmpty()) {
      byThread.remove(thread); // memory follows the threads holding locks, not all threads seen
    }
  }

  /** True if some thread holds {@code lock} in any mode. */
  public boolean heldByAnyone(long lock) {
    Holders h = locks.get(lock);
    return h != null && (h.exclusiveOwner != 0 || h.sharedTotal > 0);
  }

  /** True if {@code thread} holds {@code lock} exclusively. */
  public boolean heldExclusivelyBy(int thread, long lock) {
    Holders h = locks.get(lock);
    return h != null && h.exclusiveOwner == thread;
  }

  /** True if {@code thread} holds {@code lock} in any mode. */
  public boolean heldBy(int thread, long lock) {
    Holders h = locks.get(lock);
    return h != null && (h.exclusiveOwner == thread || h.sharedBy(thread) > 0);
  }

  /** The locks {@code thread} holds now, outermost first (a copy). */
  public long[] heldLocks(int thread) {
    LongArrayList list = byThread.get(thread);
    return list == null ? new long[0] : list.toLongArray();
  }

  /** Number of locks currently held by anyone (for memory tests). */
  public int size() {
    return locks.size();
  }

  private LongArrayList held(int thread) {
    LongArrayList l = byThread.get(thread);
    if (l == null) {
      l = new LongArrayList(4);
      byThread.put(thread, l);
    }
    return l;
  }

  /** One lock's holders: the exclusive owner, and the few shared holders with their depths. */
  private static final class Holders {
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
