package io.hbtrace.analyzer.hb;

/**
 * Which synchronization edges a clock engine counts. The observed happens-before counts every edge;
 * the must-order used by predictive checks drops the edges whose direction in this run was an
 * accident of timing (see {@link #mustOrder}).
 */
public interface EdgePolicy {

  /** True if release→acquire edges of this lock or monitor are counted. */
  boolean lockEdges(long lock);

  /** True if a volatile write → read-that-saw-it edge is counted. */
  boolean volatileEdges();

  /** Every edge: the happens-before of the observed run. */
  static EdgePolicy observed() {
    return ObservedPolicy.INSTANCE;
  }

  /**
   * The must-order of a predictive analysis: program order, thread start/join and hand-offs always;
   * lock edges except for locks that {@code reorderable} says could have been taken the other way
   * (page locks, the page-cache tree lock); no volatile reads-from edges, since a read that saw a
   * value could have run earlier and seen an older one.
   */
  static EdgePolicy mustOrder(java.util.function.LongPredicate reorderable) {
    return new EdgePolicy() {
      @Override
      public boolean lockEdges(long lock) {
        return !reorderable.test(lock);
      }

      @Override
      public boolean volatileEdges() {
        return false;
      }
    };
  }

  /** The observed policy as a singleton. */
  enum ObservedPolicy implements EdgePolicy {
    INSTANCE;

    @Override
    public boolean lockEdges(long lock) {
      return true;
    }

    @Override
    public boolean volatileEdges() {
      return true;
    }
  }
}
