package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.hb.Stamp;
import io.hbtrace.analyzer.hb.SyncClocks;
import io.hbtrace.analyzer.hb.VectorClock;
import io.hbtrace.traces.event.Event;

/**
 * One event kept for later comparison and reporting: the event with its place in the observed
 * happens-before and in the must-order. The two {@link Stamp}s are kept as their parts, in this one
 * object (a third of a million occurrences are made per 4 M events); {@link #observed} and {@link
 * #must} rebuild them.
 */
public final class Occurrence {
  private final Event event;
  private final long seq;
  private final int observedThread;
  private final int observedEpoch;
  private final VectorClock observedClock;
  private final int mustThread;
  private final int mustEpoch;
  private final VectorClock mustClock;

  Occurrence(Event e, SyncClocks observed, SyncClocks must) {
    event = e;
    seq = e.seq();
    int t = e.thread();
    observedThread = observed.logicalThread(t);
    observedEpoch = observed.epoch(t);
    observedClock = observed.snapshot(t);
    mustThread = must.logicalThread(t);
    mustEpoch = must.epoch(t);
    mustClock = must.snapshot(t);
  }

  /** The occurrence of the current event (see {@link Clocks#occurrence}). */
  public static Occurrence of(Event e, Clocks clocks) {
    return clocks.occurrence(e);
  }

  public Event event() {
    return event;
  }

  public long seq() {
    return seq;
  }

  public int thread() {
    return event.thread();
  }

  /** Its stamp in the observed happens-before. */
  public Stamp observed() {
    return new Stamp(observedThread, seq, observedEpoch, observedClock);
  }

  /** Its stamp in the must-order. */
  public Stamp must() {
    return new Stamp(mustThread, seq, mustEpoch, mustClock);
  }

  /** True if this occurrence must happen before {@code other} in every reordering. */
  public boolean mustPrecede(Occurrence other) {
    return Stamp.happensBefore(
        mustThread, seq, mustEpoch, other.mustThread, other.seq, other.mustClock);
  }

  /** True if this occurrence happened before {@code other} in this run. */
  public boolean observedBefore(Occurrence other) {
    return Stamp.happensBefore(
        observedThread, seq, observedEpoch, other.observedThread, other.seq, other.observedClock);
  }
}
