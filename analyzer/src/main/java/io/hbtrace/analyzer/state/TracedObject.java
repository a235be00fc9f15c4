package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.hb.ObjectClock;

/**
 * Everything the analysis keeps about one object of the trace (a lock, monitor or hand-off channel,
 * an object whose volatile fields were written, or any object the trace gave a role), in one record
 * found once per event: its role, its clock in each happens-before relation, and its holders.
 */
public final class TracedObject {
  final long id;

  /** The role the trace named for it (OBJECT_ROLE), or null; set through {@link #name}. */
  ObjectRoles.Role role;

  /** What the role says, kept here: lock events ask on every event. */
  boolean reorderable;

  boolean held;

  /**
   * The clock scope its clocks belong to: clocks of an earlier scope are stale and cleared on first
   * use (see {@link Clocks#reset}).
   */
  int scope;

  /**
   * Its clock in the observed happens-before, and in the must-order: null until it is released or
   * sent through where that relation counts the edge (never, in the must-order, for a reorderable
   * object).
   */
  ObjectClock observed;

  ObjectClock must;

  /** Who holds it, from its first acquire a check asks about (see {@link LockHoldings}). */
  LockHoldings.Holders holders;

  /**
   * As a lock or monitor: its acquires less its releases, by any thread; and the thread and site of
   * its last acquire (see {@link LockHoldings#unbalanced}).
   */
  int holds;

  int lastTaker;
  int lastTakenAt;

  TracedObject(long id) {
    this.id = id;
  }

  /** Its clock in relation {@code relation} ({@link Clocks#OBSERVED} or {@link Clocks#MUST}). */
  ObjectClock clock(int relation) {
    return relation == Clocks.OBSERVED ? observed : must;
  }

  void clock(int relation, ObjectClock c) {
    if (relation == Clocks.OBSERVED) {
      observed = c;
    } else {
      must = c;
    }
  }

  /** Gives it role {@code r}. */
  void name(ObjectRoles.Role r) {
    role = r;
    reorderable = r.reorderable();
    held = r.held();
  }
}
