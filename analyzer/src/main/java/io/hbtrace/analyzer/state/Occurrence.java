package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.hb.Stamp;
import io.hbtrace.traces.event.Event;

/**
 * One event kept for later comparison and reporting: the event with its place in the observed
 * happens-before and in the must-order.
 */
public record Occurrence(Event event, Stamp observed, Stamp must) {

  public static Occurrence of(Event e, Clocks clocks) {
    return new Occurrence(e, clocks.observed(e), clocks.must(e));
  }

  public long seq() {
    return event.seq();
  }

  public int thread() {
    return event.thread();
  }

  /** True if this occurrence must happen before {@code other} in every reordering. */
  public boolean mustPrecede(Occurrence other) {
    return must.happensBefore(other.must);
  }

  /** True if this occurrence happened before {@code other} in this run. */
  public boolean observedBefore(Occurrence other) {
    return observed.happensBefore(other.observed);
  }
}
