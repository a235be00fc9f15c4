package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.hb.EdgePolicy;
import io.hbtrace.analyzer.hb.Stamp;
import io.hbtrace.analyzer.hb.SyncClocks;
import io.hbtrace.analyzer.hb.SyncEvents;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;

/**
 * The two happens-before relations the checks use, advanced together: the observed order of this
 * run (every edge), and the must-order of a predictive analysis (no edges through reorderable locks
 * or volatile reads; see {@link EdgePolicy#mustOrder}).
 */
public final class Clocks {
  private final ObjectRoles roles;
  private SyncClocks observed;
  private SyncClocks must;
  private Event observedOf;
  private Stamp observedStamp;
  private Event mustOf;
  private Stamp mustStamp;

  public Clocks(ObjectRoles roles) {
    this.roles = roles;
    reset();
  }

  /**
   * Starts afresh at a cut of the trace (the mount of a new file system): every happens-before path
   * runs forward in time, so no path between two later events passes through an earlier one, and
   * dropping all clocks loses nothing the later events need. It keeps clocks as short as the
   * threads of one scope. Stamps taken before the cut must not be compared with later ones.
   */
  public void reset() {
    if (observed == null) {
      observed = new SyncClocks(EdgePolicy.observed());
      must = new SyncClocks(EdgePolicy.mustOrder(roles::reorderable));
    } else {
      observed.clear();
      must.clear();
    }
    observedOf = null;
    mustOf = null;
  }

  /**
   * Advances both relations over {@code e}, of kind {@code kind} (passed in: the caller has read
   * it); a no-op for non-synchronization events.
   */
  public void apply(Event e, EventKind kind) {
    if (kind.family() == EventKind.Family.SYNC) {
      SyncEvents.apply(observed, e, kind);
      SyncEvents.apply(must, e, kind);
    }
  }

  /**
   * The observed-order stamp of the current event (cached per event). Only for events without a
   * synchronization effect: checks stamp domain, lifecycle and workload events.
   */
  public Stamp observed(Event e) {
    if (observedOf != e) {
      observedOf = e;
      observedStamp = observed.stamp(e.thread(), e.seq());
    }
    return observedStamp;
  }

  /** The must-order stamp of the current event (cached per event); see {@link #observed}. */
  public Stamp must(Event e) {
    if (mustOf != e) {
      mustOf = e;
      mustStamp = must.stamp(e.thread(), e.seq());
    }
    return mustStamp;
  }

  /** True if every live thread must come after {@code s}: nothing later can race with it. */
  public boolean mustSeenByAllLive(Stamp s) {
    return must.seenByAllLive(s);
  }

  public int size() {
    return observed.size() + must.size();
  }
}
