package io.hbtrace.analyzer.report;

import java.util.List;

/**
 * What a report says about the trace itself.
 *
 * @param path the trace as given by the user
 * @param events events analysed
 * @param threads threads that recorded events
 * @param truncated true if the trace has no end record (the writer died or still runs)
 * @param variant the recorded workload's variant, or "" if unknown
 * @param checks names of the checks that ran
 * @param warnings warnings from the reader and the analysis
 */
public record TraceFacts(
    String path,
    long events,
    int threads,
    boolean truncated,
    String variant,
    List<String> checks,
    List<String> warnings) {

  public TraceFacts {
    checks = List.copyOf(checks);
    warnings = List.copyOf(warnings);
  }
}
