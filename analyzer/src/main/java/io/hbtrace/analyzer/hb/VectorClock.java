package io.hbtrace.analyzer.hb;

import java.util.Arrays;

/**
 * A vector clock over trace thread ids (small dense ints, index 0 unused).
 *
 * <p>Invariant: {@code get(t)} is the number of release points of thread {@code t} that this clock
 * has seen, plus one for the owner's current interval; absent entries are 0. The clock only grows:
 * {@link #join} takes the pointwise maximum and {@link #tick} raises one entry.
 *
 * <p><b>Shape.</b> While every entry is below 64 the clock is one array of its own, as a plain
 * vector clock is (the analysis of one file system's scope never needs more, and this is its
 * fastest form). Past that it becomes a tree of 64-way branches over arrays of 64 entries, and such
 * clocks share subtrees: a {@link #copy} shares the whole tree, a {@link #join} takes over the
 * other clock's subtree wherever it covers this one's, and a node is copied only when a clock that
 * does not own it changes it (nodes carry the token of the clock that made them; a copy, or a join
 * that took nodes over, takes the token away from both clocks). So N threads that each learn from
 * the one before them through a lock hold O(N log N) entries together, not N²/2 as N arrays of up
 * to N entries would (20,000 live threads: 0.8 GB). Thread ids are below 2³⁰.
 */
public final class VectorClock {
  private static final int BITS = 6;
  private static final int FAN = 1 << BITS;
  private static final int MASK = FAN - 1;

  /** An array of entries, whose length may be below {@link #FAN} (the rest are 0). */
  private static final class Leaf {
    final int[] v;
    final Object owner;

    Leaf(int[] v, Object owner) {
      this.v = v;
      this.owner = owner;
    }
  }

  /** {@link #FAN} subtrees, each null (all 0) or one level lower. */
  private static final class Branch {
    final Object[] kids;
    final Object owner;

    Branch(Object[] kids, Object owner) {
      this.kids = kids;
      this.owner = owner;
    }
  }

  /** The entries while the clock is small ({@code root == null}); this clock's alone. */
  private int[] c;

  /** The tree's root branch once the clock is large, else null. */
  private Object root;

  /** Levels of branches above the leaves (at least 1): entries below {@code 64^(depth+1)} fit. */
  private int depth;

  /** Tree nodes whose owner is this token are this clock's alone, so changed in place. */
  private Object token;

  /** Whether the join under way changed anything (see {@link #join}). */
  private boolean grew;

  /** Whether the join under way took over a node of the other clock. */
  private boolean adopted;

  public VectorClock() {
    this(8);
  }

  /** A bottom clock with room for threads below {@code capacity} before it grows. */
  public VectorClock(int capacity) {
    c = new int[Math.min(Math.max(capacity, 1), FAN)];
  }

  private VectorClock(int[] values) {
    c = values;
  }

  private VectorClock(Object root, int depth) {
    this.root = root;
    this.depth = depth;
    this.token = new Object();
  }

  /** Entry for thread {@code t}; 0 if never seen. */
  public int get(int t) {
    if (root == null) {
      return t < c.length ? c[t] : 0;
    }
    if ((t >>> (BITS * (depth + 1))) != 0) {
      return 0;
    }
    Object n = root;
    for (int d = depth; d > 0; d--) {
      n = ((Branch) n).kids[(t >>> (BITS * d)) & MASK];
      if (n == null) {
        return 0;
      }
    }
    int[] v = ((Leaf) n).v;
    int i = t & MASK;
    return i < v.length ? v[i] : 0;
  }

  /** Sets entry {@code t} (only ever to a larger value). */
  public void set(int t, int value) {
    if (root == null) {
      if (t < FAN) {
        ensure(t);
        c[t] = value;
        return;
      }
      becomeTree();
    }
    while ((t >>> (BITS * (depth + 1))) != 0) {
      deepen();
    }
    root = setIn(root, depth, t, value);
  }

  /** Raises the entry of thread {@code t} by one: the start of its next interval. */
  public void tick(int t) {
    if (root == null && t < FAN) {
      ensure(t);
      c[t]++;
      return;
    }
    set(t, get(t) + 1);
  }

  /** Room in the small clock's array for entry {@code t} (below {@link #FAN}). */
  private void ensure(int t) {
    if (t >= c.length) {
      c = Arrays.copyOf(c, Math.min(FAN, Math.max(t + 1, c.length * 2)));
    }
  }

  /** Turns the small clock into a tree whose first leaf is its array. */
  private void becomeTree() {
    token = new Object();
    Object[] kids = new Object[FAN];
    kids[0] = new Leaf(c, token);
    root = new Branch(kids, token);
    depth = 1;
    c = null;
  }

  /** One more level of branches above the root, so that 64 times as many entries fit. */
  private void deepen() {
    root = lifted(root);
    depth++;
  }

  /** A branch, owned by no clock, whose first subtree is {@code n}. */
  private static Branch lifted(Object n) {
    Object[] kids = new Object[FAN];
    kids[0] = n;
    return new Branch(kids, null);
  }

  private Object setIn(Object n, int d, int t, int value) {
    if (d == 0) {
      Leaf l = (Leaf) n;
      int i = t & MASK;
      if (l != null && l.owner == token && i < l.v.length) {
        l.v[i] = value;
        return l;
      }
      int[] v = l == null ? new int[FAN] : Arrays.copyOf(l.v, FAN);
      v[i] = value;
      return new Leaf(v, token);
    }
    Branch b = (Branch) n;
    int k = (t >>> (BITS * d)) & MASK;
    Object child = b == null ? null : b.kids[k];
    Object changed = setIn(child, d - 1, t, value);
    return withKid(b, k, child, changed);
  }

  /** {@code b} with kid {@code k} now {@code changed} (was {@code child}): in place if owned. */
  private Branch withKid(Branch b, int k, Object child, Object changed) {
    if (b != null && changed == child) {
      return b;
    }
    if (b != null && b.owner == token) {
      b.kids[k] = changed;
      return b;
    }
    Object[] kids = b == null ? new Object[FAN] : b.kids.clone();
    kids[k] = changed;
    return new Branch(kids, token);
  }

  /**
   * Pointwise maximum with {@code other}; afterwards {@code other ≤ this}. Returns true if any
   * entry grew (also, rarely, when a large clock took over a subtree of {@code other} in which
   * every entry is 0; never false when one grew).
   */
  public boolean join(VectorClock other) {
    if (root == null && other.root == null) {
      return joinSmall(other.c);
    }
    if (root == null) {
      becomeTree();
    }
    Object o;
    int od;
    if (other.root != null) {
      o = other.root;
      od = other.depth;
    } else { // a view of the small clock, over a copy of its array: that array is its own
      o = lifted(new Leaf(Arrays.copyOf(other.c, other.c.length), null));
      od = 1;
    }
    if (o == root) {
      return false;
    }
    while (depth < od) {
      deepen();
    }
    for (int d = od; d < depth; d++) {
      o = lifted(o);
    }
    grew = false;
    adopted = false;
    root = joinIn(root, o, depth);
    if (adopted && other.root != null) {
      other.token = new Object(); // both clocks hold those nodes now: neither may change them
    }
    return grew;
  }

  /** {@link #join} of two small clocks: one pass over the other's entries, in place. */
  private boolean joinSmall(int[] o) {
    int n = o.length;
    while (n > 0 && o[n - 1] == 0) {
      n--;
    }
    if (n > c.length) {
      c = Arrays.copyOf(c, Math.max(n, Math.min(FAN, c.length * 2)));
    }
    int[] mine = c;
    int changed = 0;
    for (int i = 0; i < n; i++) { // branch-free, so the JIT can vectorize it
      int m = mine[i];
      int x = Math.max(m, o[i]);
      changed |= x ^ m;
      mine[i] = x;
    }
    return changed != 0;
  }

  private Object joinIn(Object a, Object b, int d) {
    if (a == b || b == null) {
      return a;
    }
    if (a == null) {
      grew = true;
      adopted = true;
      return b;
    }
    return d == 0 ? joinLeaves((Leaf) a, (Leaf) b) : joinBranches((Branch) a, (Branch) b, d);
  }

  private Object joinLeaves(Leaf a, Leaf b) {
    int[] x = a.v;
    int[] y = b.v;
    if (a.owner == token && x.length >= y.length) { // in place, as a plain vector clock joins
      int changed = 0;
      for (int i = 0; i < y.length; i++) { // branch-free, so the JIT can vectorize it
        int m = x[i];
        int v = Math.max(m, y[i]);
        changed |= v ^ m;
        x[i] = v;
      }
      grew |= changed != 0;
      return a;
    }
    boolean aAbove = false;
    boolean bAbove = false;
    int n = Math.max(x.length, y.length);
    for (int i = 0; i < n; i++) {
      int xi = i < x.length ? x[i] : 0;
      int yi = i < y.length ? y[i] : 0;
      aAbove |= xi > yi;
      bAbove |= yi > xi;
    }
    if (!bAbove) {
      return a;
    }
    grew = true;
    if (!aAbove) {
      adopted = true;
      return b; // b covers a: share it
    }
    int[] m = Arrays.copyOf(x, n);
    for (int i = 0; i < y.length; i++) {
      m[i] = Math.max(m[i], y[i]);
    }
    return new Leaf(m, token);
  }

  private Object joinBranches(Branch a, Branch b, int d) {
    Branch out = a;
    boolean allFromB = true;
    for (int k = 0; k < FAN; k++) {
      Object mine = a.kids[k];
      Object joined = joinIn(mine, b.kids[k], d - 1);
      allFromB &= joined == b.kids[k];
      out = withKid(out, k, out.kids[k], joined);
    }
    if (allFromB) {
      adopted = true;
      return b;
    }
    return out;
  }

  /**
   * Makes this clock equal to {@code other} (a large one's nodes shared: neither may change them).
   */
  public void copyFrom(VectorClock other) {
    if (other.root == null) {
      int[] o = other.c;
      if (c == null || c.length < o.length) {
        c = new int[o.length];
      }
      System.arraycopy(o, 0, c, 0, o.length);
      Arrays.fill(c, o.length, c.length, 0);
      root = null;
      return;
    }
    root = other.root;
    depth = other.depth;
    c = null;
    token = new Object();
    other.token = new Object();
  }

  /** Resets every entry to 0 (the bottom clock). */
  public void clear() {
    if (root != null) {
      root = null;
      c = new int[FAN];
    } else {
      Arrays.fill(c, 0);
    }
  }

  /**
   * An independent copy: of a small clock, its array trimmed to the highest non-zero entry; of a
   * large one, every node shared, which this clock no longer owns.
   */
  public VectorClock copy() {
    if (root == null) {
      int n = c.length;
      while (n > 0 && c[n - 1] == 0) {
        n--;
      }
      return new VectorClock(Arrays.copyOf(c, n));
    }
    token = new Object();
    return new VectorClock(root, depth);
  }

  /** True if every entry of this clock is ≤ the same entry of {@code other}. */
  public boolean leq(VectorClock other) {
    if (root == null) {
      for (int i = 0; i < c.length; i++) {
        if (c[i] > other.get(i)) {
          return false;
        }
      }
      return true;
    }
    Object a = root;
    Object b = other.root != null ? other.root : lifted(new Leaf(other.c, null));
    int bd = other.root != null ? other.depth : 1;
    int d = Math.max(depth, bd);
    for (int i = depth; i < d; i++) {
      a = lifted(a);
    }
    for (int i = bd; i < d; i++) {
      b = lifted(b);
    }
    return leqIn(a, b, d);
  }

  private static boolean leqIn(Object a, Object b, int d) {
    if (a == null || a == b) {
      return true;
    }
    if (d == 0) {
      int[] x = ((Leaf) a).v;
      int[] y = b == null ? new int[0] : ((Leaf) b).v;
      for (int i = 0; i < x.length; i++) {
        if (x[i] > (i < y.length ? y[i] : 0)) {
          return false;
        }
      }
      return true;
    }
    Object[] ka = ((Branch) a).kids;
    Object[] kb = b == null ? new Object[FAN] : ((Branch) b).kids;
    for (int k = 0; k < FAN; k++) {
      if (!leqIn(ka[k], kb[k], d - 1)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("[");
    if (root == null) {
      appendTo(b, new Leaf(c, null), 0, 0);
    } else {
      appendTo(b, root, depth, 0);
    }
    return b.append(']').toString();
  }

  private static void appendTo(StringBuilder b, Object n, int d, int base) {
    if (n == null) {
      return;
    }
    if (d == 0) {
      int[] v = ((Leaf) n).v;
      for (int i = 0; i < v.length; i++) {
        if (v[i] != 0 && base + i > 0) {
          b.append(b.length() > 1 ? " " : "").append('t').append(base + i).append(':').append(v[i]);
        }
      }
      return;
    }
    Object[] kids = ((Branch) n).kids;
    for (int k = 0; k < FAN; k++) {
      appendTo(b, kids[k], d - 1, base + (k << (BITS * d)));
    }
  }
}
