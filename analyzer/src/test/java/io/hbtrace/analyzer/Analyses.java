package io.hbtrace.analyzer;

import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.traces.event.Event;
import java.util.List;
import java.util.stream.Collectors;

/** Runs an analysis over a built trace, for tests. */
public final class Analyses {
  private Analyses() {}

  public static List<Finding> run(TraceBuilder trace, String checks) {
    Analysis a = new Analysis(trace, CheckRegistry.select(checks));
    for (Event e : trace.events()) {
      a.accept(e);
    }
    return a.finish();
  }

  /** The findings of one check. */
  public static List<Finding> of(List<Finding> findings, String check) {
    return findings.stream().filter(f -> f.check().equals(check)).collect(Collectors.toList());
  }
}
