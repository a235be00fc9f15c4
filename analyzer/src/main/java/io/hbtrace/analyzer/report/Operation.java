package io.hbtrace.analyzer.report;

import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.traces.event.Event;

/**
 * One event shown in a finding, with the side it belongs to (e.g. {@code "writer"} or {@code
 * "reader"}) and a short note on what it means there.
 */
public record Operation(String side, Event event, String note) {

  public static Operation of(String side, Occurrence o, String note) {
    return new Operation(side, o.event(), note);
  }

  public long seq() {
    return event.seq();
  }

  public int thread() {
    return event.thread();
  }
}
