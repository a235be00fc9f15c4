package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.hb.ObjectClock;

/**
 * Everything the analysis keeps about one object of the trace (a lock, monitor or hand-off channel,
 * or any object the trace gave a role), in one record found once per event: its role, its clock in
 * each happens-before relation, and its holders.
 */
public final class TracedObject {
  final long id;

  /** The role the trace named for it (OBJECT_ROLE), or null. */
  ObjectRoles.Role role;

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

  /** True if its role says its lock or hand-off order was an accident of timing. */
  boolean reorderable() {
    return role != null && role.reorderable();
  }
}
