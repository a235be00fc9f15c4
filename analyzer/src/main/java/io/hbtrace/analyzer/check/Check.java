package io.hbtrace.analyzer.check;

import io.hbtrace.traces.event.EventHandler;
import io.hbtrace.traces.event.EventKind;
import java.util.Set;

/**
 * One analysis over the event stream, in the style of a RoadRunner tool: it receives the events of
 * the kinds it names, in order-key order, after the shared state ({@link CheckContext}) has been
 * updated for each, and reports into the context's findings.
 */
public interface Check extends EventHandler {

  /** The event kinds this check handles; it is never called for others. */
  Set<EventKind> kinds();

  /** Called once at the end of the readable trace. */
  default void finish() {}
}
