package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.hb.ObjectClock;

/**
 * Everything the analysis keeps about one object of the trace (a lock, monitor or hand-off channel,
 * or any object the trace gave a role), in one record found once per event: its role, its clock in
 * each happens-before relation, and its holders.
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

  /** Its clock in the observed happens-before, and in the must-order. */
  final ObjectClock observed = new ObjectClock();

  final ObjectClock must = new ObjectClock();

  /** Who holds it, from its first acquire a check asks about (see {@link LockHoldings}). */
  LockHoldings.Holders holders;

  TracedObject(long id) {
    this.id = id;
  }

  /** Gives it role {@code r}. */
  void name(ObjectRoles.Role r) {
    role = r;
    reorderable = r.reorderable();
    held = r.held();
  }
}
