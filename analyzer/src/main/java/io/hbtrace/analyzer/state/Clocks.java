package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.hb.EdgePolicy;
import io.hbtrace.analyzer.hb.ObjectClock;
import io.hbtrace.analyzer.hb.Stamp;
import io.hbtrace.analyzer.hb.SyncClocks;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.HandoffReceive;
import io.hbtrace.traces.event.HandoffSend;
import io.hbtrace.traces.event.LockAcquire;
import io.hbtrace.traces.event.LockMode;
import io.hbtrace.traces.event.LockRelease;
import io.hbtrace.traces.event.MonitorEnter;
import io.hbtrace.traces.event.MonitorExit;
import io.hbtrace.traces.event.ThreadJoin;
import io.hbtrace.traces.event.ThreadStart;
import io.hbtrace.traces.event.VolatileRead;
import io.hbtrace.traces.event.VolatileWrite;

/**
 * The two happens-before relations the checks use, advanced together in one pass over the
 * synchronization events: the observed order of this run (every edge), and the must-order of a
 * predictive analysis (no edges through objects whose role makes them reorderable, nor volatile
 * reads; see {@link EdgePolicy#mustOrder}). The lock or channel of an event is found once, as a
 * {@link TracedObject} holding its clock in both relations.
 *
 * <p>Release-type events (release, monitor exit, thread start, hand-off send, volatile write) are
 * recorded before the operation and acquire-type ones after it: a stamp of a release-type event
 * must be taken before {@link #apply}, and of an acquire-type event after it.
 */
public final class Clocks {
  /** The relations' indices in {@link #relations} (and in {@link TracedObject#clock}). */
  static final int OBSERVED = 0;

  static final int MUST = 1;

  private final TracedObjects objects;
  private final SyncClocks observed;
  private final SyncClocks must;

  /**
   * Both relations, advanced by one loop per event: the JIT then compiles each engine method once
   * into the event switch, not once per relation, and keeps the hot cases within its inlining
   * budget.
   */
  private final SyncClocks[] relations;

  private int scope;
  private Event observedOf;
  private Stamp observedStamp;
  private Event mustOf;
  private Stamp mustStamp;
  private Occurrence occurrence;

  public Clocks(TracedObjects objects) {
    this.objects = objects;
    observed = new SyncClocks(EdgePolicy.observed());
    must = new SyncClocks(EdgePolicy.mustOrder());
    relations = new SyncClocks[] {observed, must};
  }

  /**
   * Starts afresh at a cut of the trace (the mount of a new file system): every happens-before path
   * runs forward in time, so no path between two later events passes through an earlier one, and
   * dropping all clocks loses nothing the later events need. It keeps clocks as short as the
   * threads of one scope. Stamps taken before the cut must not be compared with later ones.
   * Objects' clocks are dropped lazily, when each is next used.
   */
  public void reset() {
    observed.clear();
    must.clear();
    scope++;
    observedOf = null;
    mustOf = null;
    occurrence = null;
  }

  /**
   * Advances both relations over {@code e}, of kind {@code kind} and thread {@code thread} (passed
   * in: the caller has them from the reader); a no-op for events without a synchronization effect.
   */
  public void apply(Event e, EventKind kind, int thread) {
    switch (kind) {
      case LOCK_ACQUIRE -> {
        LockAcquire a = (LockAcquire) e;
        acquire(thread, a.lock(), a.mode() == LockMode.SHARED);
      }
      case LOCK_RELEASE -> {
        LockRelease r = (LockRelease) e;
        release(thread, r.lock(), r.mode() == LockMode.SHARED);
      }
      case MONITOR_ENTER -> acquire(thread, ((MonitorEnter) e).monitor(), false);
      case MONITOR_EXIT -> release(thread, ((MonitorExit) e).monitor(), false);
      default -> applyOther(e, kind, thread);
    }
  }

  /**
   * The synchronization events other than locks and monitors (which are half of a trace). A method
   * of its own so that the JIT compiles it apart, and the lock cases above, the hottest, stay
   * within the inlining budget of theirs.
   */
  private void applyOther(Event e, EventKind kind, int thread) {
    switch (kind) {
      case THREAD_START -> {
        int child = ((ThreadStart) e).child();
        for (SyncClocks relation : relations) {
          relation.threadStart(thread, child);
        }
      }
      case THREAD_JOIN -> {
        int child = ((ThreadJoin) e).child();
        for (SyncClocks relation : relations) {
          relation.threadJoin(thread, child);
        }
      }
      case HANDOFF_SEND -> {
        HandoffSend h = (HandoffSend) e;
        TracedObject o = current(objects.getOrAdd(TracedObjects.channel(h.channel(), h.how())));
        for (int i = 0; i < relations.length; i++) {
          o.clock(i, relations[i].send(thread, o.clock(i), o.reorderable));
        }
      }
      case HANDOFF_RECEIVE -> {
        HandoffReceive r = (HandoffReceive) e;
        // with no record nothing was sent through it yet; an executor task still starts here
        TracedObject o = current(objects.get(TracedObjects.channel(r.channel(), r.how())));
        for (int i = 0; i < relations.length; i++) {
          ObjectClock c = o == null ? null : o.clock(i);
          relations[i].receive(thread, c, o != null && o.reorderable, r.how());
        }
      }
      case VOLATILE_WRITE -> {
        VolatileWrite w = (VolatileWrite) e;
        TracedObject o = current(objects.getOrAdd(w.object()));
        for (int i = 0; i < relations.length; i++) {
          o.clock(i, relations[i].volatileWrite(thread, o.clock(i), w.field(), w.value()));
        }
      }
      case VOLATILE_READ -> {
        VolatileRead r = (VolatileRead) e;
        // with no record nothing was written to it yet
        TracedObject o = current(objects.get(r.object()));
        if (o != null) {
          for (int i = 0; i < relations.length; i++) {
            relations[i].volatileRead(thread, o.clock(i), r.field(), r.value());
          }
        }
      }
      default -> {}
    }
  }

  private void acquire(int t, long lock, boolean shared) {
    TracedObject o = current(objects.get(lock));
    if (o != null) { // else never released: nothing to learn from it
      for (int i = 0; i < relations.length; i++) {
        relations[i].acquire(t, o.clock(i), o.reorderable, shared);
      }
    }
  }

  private void release(int t, long lock, boolean shared) {
    TracedObject o = current(objects.getOrAdd(lock));
    for (int i = 0; i < relations.length; i++) {
      o.clock(i, relations[i].release(t, o.clock(i), o.reorderable, shared));
    }
  }

  /** {@code o} with the clocks of an earlier scope dropped; null for null. */
  private TracedObject current(TracedObject o) {
    if (o != null && o.scope != scope) {
      o.observed = null;
      o.must = null;
      o.scope = scope;
    }
    return o;
  }

  /**
   * The observed-order stamp of the current event (cached per event). Checks stamp domain,
   * lifecycle and workload events; a synchronization event's stamp must be taken on the side of
   * {@link #apply} the class comment names.
   */
  public Stamp observed(Event e) {
    if (observedOf != e) {
      observedOf = e;
      observedStamp = observed.stamp(e.thread(), e.seq());
    }
    return observedStamp;
  }

  /**
   * The current event's occurrence, with its place in both relations (cached per event); the stamps
   * are taken as {@link #observed} says.
   */
  public Occurrence occurrence(Event e) {
    Occurrence o = occurrence; // small enough for the JIT to inline at every caller
    return o != null && o.event() == e ? o : newOccurrence(e);
  }

  private Occurrence newOccurrence(Event e) {
    occurrence = new Occurrence(e, observed, must);
    return occurrence;
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

  /** Number of logical threads with state in both relations. */
  public int size() {
    return observed.size() + must.size();
  }
}
