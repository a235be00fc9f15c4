package io.hbtrace.analyzer.report;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The slices each thread has open (operations under way, locks held), as stacks: all the export
 * keeps per thread. Trace viewers need a thread's slices to nest; a lock released while a later one
 * is still held does not, so {@link #close} hands back the slices above the one that ends, for the
 * caller to cut and reopen.
 */
final class ThreadSlices {
  /** Deeper than this, a begin is shown as an instant: a damaged trace cannot grow the stack. */
  static final int MAX_DEPTH = 256;

  /** An open slice: what began it (kind code and key field), its name, when it began. */
  static final class Open {
    final int type;
    final long key;
    final String name;
    final String cat;
    final long began;
    double ts;

    Open(int type, long key, String name, String cat, long began) {
      this.type = type;
      this.key = key;
      this.name = name;
      this.cat = cat;
      this.began = began;
      this.ts = began;
    }
  }

  private final Int2ObjectOpenHashMap<ArrayList<Open>> stacks = new Int2ObjectOpenHashMap<>();

  /** Opens a slice on {@code tid}; false (nothing opened) if the thread is at the depth limit. */
  boolean open(int tid, Open slice) {
    ArrayList<Open> s = stacks.get(tid);
    if (s == null) {
      s = new ArrayList<>(4);
      stacks.put(tid, s);
    }
    if (s.size() >= MAX_DEPTH) {
      return false;
    }
    s.add(slice);
    return true;
  }

  /**
   * Closes the innermost open slice of {@code tid} begun by {@code type} with {@code key}. Returns
   * null if there is none; else the slices above it, bottom first (still open), followed by the
   * closed slice itself as the last element.
   */
  List<Open> close(int tid, int type, long key) {
    ArrayList<Open> s = stacks.get(tid);
    if (s == null) {
      return null;
    }
    for (int i = s.size() - 1; i >= 0; i--) {
      Open o = s.get(i);
      if (o.type == type && o.key == key) {
        List<Open> result = new ArrayList<>(s.subList(i + 1, s.size()));
        result.add(o);
        s.remove(i);
        if (s.isEmpty()) {
          stacks.remove(tid);
        }
        return result;
      }
    }
    return null;
  }

  /** The open slices of {@code tid}, bottom first (empty if none). */
  List<Open> open(int tid) {
    ArrayList<Open> s = stacks.get(tid);
    return s == null ? List.of() : s;
  }

  /** Threads with open slices, in ascending order. */
  int[] threads() {
    int[] t = stacks.keySet().toIntArray();
    java.util.Arrays.sort(t);
    return t;
  }
}
