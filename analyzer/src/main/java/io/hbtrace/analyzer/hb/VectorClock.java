package io.hbtrace.analyzer.hb;

import java.util.Arrays;

/**
 * A vector clock over trace thread ids (small dense ints, index 0 unused).
 *
 * <p>Invariant: {@code get(t)} is the number of release points of thread {@code t} that this clock
 * has seen, plus one for the owner's current interval; absent entries are 0. The clock only grows:
 * {@link #join} takes the pointwise maximum and {@link #tick} raises one entry.
 */
public final class VectorClock {
  private int[] c;

  public VectorClock() {
    this(8);
  }

  /** A bottom clock with room for threads below {@code capacity} before it grows. */
  public VectorClock(int capacity) {
    c = new int[capacity];
  }

  private VectorClock(int[] values) {
    c = values;
  }

  /** Entry for thread {@code t}; 0 if never seen. */
  public int get(int t) {
    return t < c.length ? c[t] : 0;
  }

  /** Sets entry {@code t} (only ever to a larger value). */
  public void set(int t, int value) {
    ensure(t);
    c[t] = value;
  }

  /** Raises the entry of thread {@code t} by one: the start of its next interval. */
  public void tick(int t) {
    ensure(t);
    c[t]++;
  }

  /**
   * Pointwise maximum with {@code other}; afterwards {@code other ≤ this}. Returns true if any
   * entry grew (one pass, so callers need no separate {@link #leq} check).
   */
  public boolean join(VectorClock other) {
    int[] o = other.c;
    int n = o.length;
    while (n > 0 && o[n - 1] == 0) {
      n--;
    }
    if (n > c.length) {
      c = Arrays.copyOf(c, Math.max(n, c.length * 2));
    }
    int[] mine = c;
    int grew = 0;
    for (int i = 0; i < n; i++) { // branch-free, so the JIT can vectorize it
      int m = mine[i];
      int x = Math.max(m, o[i]);
      grew |= x ^ m;
      mine[i] = x;
    }
    return grew != 0;
  }

  /** Makes this clock equal to {@code other}. */
  public void copyFrom(VectorClock other) {
    int[] o = other.c;
    if (c.length < o.length) {
      c = new int[o.length];
    }
    System.arraycopy(o, 0, c, 0, o.length);
    Arrays.fill(c, o.length, c.length, 0);
  }

  /** Resets every entry to 0 (the bottom clock). */
  public void clear() {
    Arrays.fill(c, 0);
  }

  /** An independent copy, trimmed to the highest non-zero entry. */
  public VectorClock copy() {
    int n = c.length;
    while (n > 0 && c[n - 1] == 0) {
      n--;
    }
    return new VectorClock(Arrays.copyOf(c, n));
  }

  /** True if every entry of this clock is ≤ the same entry of {@code other}. */
  public boolean leq(VectorClock other) {
    for (int i = 0; i < c.length; i++) {
      if (c[i] > other.get(i)) {
        return false;
      }
    }
    return true;
  }

  private void ensure(int t) {
    if (t >= c.length) {
      c = Arrays.copyOf(c, Math.max(t + 1, c.length * 2));
    }
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("[");
    for (int i = 1; i < c.length; i++) {
      if (c[i] != 0) {
        b.append(b.length() > 1 ? " " : "").append('t').append(i).append(':').append(c[i]);
      }
    }
    return b.append(']').toString();
  }
}
