package io.hbtrace.analyzer.cli;

import io.hbtrace.analyzer.Analysis;
import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.TraceFacts;
import io.hbtrace.analyzer.state.Geometry;
import io.hbtrace.traces.event.Event;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole trace through an analysis: what {@code check} and {@code demo} share. */
final class TraceCheck {
  /** The findings and the facts about the trace they came from. */
  record Outcome(List<Finding> findings, TraceFacts facts) {}

  private TraceCheck() {}

  static Outcome run(
      TraceInput in,
      String name,
      List<CheckRegistry.Entry> selected,
      Geometry geometry,
      Progress progress)
      throws CliException {
    Analysis analysis = new Analysis(in, selected, geometry);
    in.reader().skip(analysis.unread()); // before the first read: the kinds no check reads
    Event e;
    while ((e = in.next()) != null) {
      analysis.accept(e, in.kind(), in.thread());
      progress.update(analysis.events());
    }
    progress.done();
    analysis.countSkipped(in.reader());
    List<Finding> findings = analysis.finish();
    List<String> warnings = new ArrayList<>(in.reader().warnings());
    warnings.addAll(analysis.warnings());
    List<String> names = selected.stream().map(CheckRegistry.Entry::name).toList();
    TraceFacts facts =
        new TraceFacts(
            name,
            analysis.events(),
            analysis.threads(),
            in.reader().truncated(),
            in.variant(),
            names,
            warnings);
    return new Outcome(findings, facts);
  }
}
