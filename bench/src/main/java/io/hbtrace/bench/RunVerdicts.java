package io.hbtrace.bench;

import io.hbtrace.analyzer.Analysis;
import io.hbtrace.analyzer.TraceSymbols;
import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Mount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Splits a recorded trace into its workload runs and analyses each on its own: a run starts at a
 * RUN_BEGIN (dio-invalidate-cache) or, in workloads without one, at the MOUNT of a new file system
 * (each crash point of the crash workload, and each recovery). Every run gets a fresh {@link
 * Analysis} with all checks and its own {@link RunFacts}.
 */
final class RunVerdicts {
  /** One run: the checks that reported findings in it, and what it observably did. */
  record Run(Set<String> checks, RunFacts facts) {
    boolean flagged(String check) {
      return checks.contains(check);
    }
  }

  private RunVerdicts() {}

  static List<Run> of(Path trace) throws Exception {
    List<Run> runs = new ArrayList<>();
    try (TraceReader r = TraceReader.open(trace)) {
      TraceSymbols names = new TraceSymbols(r);
      boolean byRunEvents = false;
      long fs = Long.MIN_VALUE;
      Analysis analysis = null;
      RunFacts facts = null;
      Event e;
      while ((e = r.next()) != null) {
        boolean start =
            e.kind() == EventKind.RUN_BEGIN
                || (!byRunEvents && e.kind() == EventKind.MOUNT && ((Mount) e).fs() != fs);
        byRunEvents |= e.kind() == EventKind.RUN_BEGIN;
        if (e.kind() == EventKind.MOUNT) {
          fs = ((Mount) e).fs();
        }
        if (start) {
          if (analysis != null) {
            runs.add(finish(analysis, facts));
          }
          analysis = new Analysis(names, CheckRegistry.all());
          facts = new RunFacts();
        }
        if (analysis != null) {
          analysis.accept(e);
          facts.accept(e);
        }
        if (e.kind() == EventKind.RUN_END && analysis != null) {
          runs.add(finish(analysis, facts));
          analysis = null;
        }
      }
      if (analysis != null) {
        runs.add(finish(analysis, facts));
      }
    }
    return runs;
  }

  private static Run finish(Analysis a, RunFacts facts) {
    Set<String> checks = new TreeSet<>();
    for (Finding f : a.finish()) {
      checks.add(f.check());
    }
    return new Run(checks, facts);
  }
}
