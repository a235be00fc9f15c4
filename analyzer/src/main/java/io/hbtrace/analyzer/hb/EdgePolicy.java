package io.hbtrace.analyzer.hb;

/**
 * Which synchronization edges a clock engine counts. The observed happens-before counts every edge;
 * the must-order used by predictive checks drops the edges whose direction in this run was an
 * accident of timing (see {@link #mustOrder}). Whether an object's edges are such an accident is
 * the caller's knowledge (its role), passed in as {@code reorderable}.
 */
public interface EdgePolicy {
  /** Logical slots per service thread in a task-scoped policy (see {@link #taskScoped}). */
  int TASK_SLOTS = 16;

  /**
   * True if release→acquire edges of a lock or monitor, and hand-off edges through a channel,
   * count; {@code reorderable} says whether the object could have been taken the other way.
   */
  boolean objectEdges(boolean reorderable);

  /** True if a volatile write → read-that-saw-it edge is counted. */
  boolean volatileEdges();

  /**
   * True if each task a thread starts on an executor hand-off runs as its own logical thread,
   * unordered by program order with the thread's other tasks (a service thread completing
   * independent requests one after another could have taken them in any order). Logical threads
   * come from a pool of {@link #TASK_SLOTS} per thread, reused round-robin: a task is ordered after
   * the task {@code TASK_SLOTS} earlier on the same thread.
   */
  boolean taskScoped();

  /** Every edge: the happens-before of the observed run. */
  static EdgePolicy observed() {
    return new Fixed(true, true, false);
  }

  /**
   * The must-order of a predictive analysis: program order (task-scoped), thread start/join; lock
   * and hand-off edges except through reorderable objects (page locks and wait queues, the
   * page-cache tree lock); no volatile reads-from edges, since a read that saw a value could have
   * run earlier and seen an older one.
   */
  static EdgePolicy mustOrder() {
    return new Fixed(false, false, true);
  }

  /** A policy from its answers: whether reorderable objects' edges count, and the rest. */
  record Fixed(boolean reorderableEdges, boolean volatiles, boolean tasks) implements EdgePolicy {
    @Override
    public boolean objectEdges(boolean reorderable) {
      return reorderableEdges || !reorderable;
    }

    @Override
    public boolean volatileEdges() {
      return volatiles;
    }

    @Override
    public boolean taskScoped() {
      return tasks;
    }
  }
}
