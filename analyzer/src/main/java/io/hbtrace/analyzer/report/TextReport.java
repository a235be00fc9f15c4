package io.hbtrace.analyzer.report;

import io.hbtrace.analyzer.Symbols;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The human report: a summary line, then each finding with its interleaving and its reasons. */
public final class TextReport {
  private TextReport() {}

  public static void write(
      PrintWriter out, TraceFacts facts, List<Finding> findings, Symbols symbols) {
    out.printf(
        "hbtrace check %s: %,d events, %d threads%s%s%n",
        facts.path(),
        facts.events(),
        facts.threads(),
        facts.variant().isEmpty() ? "" : ", variant " + facts.variant(),
        facts.truncated() ? ", TRUNCATED (no end record: analysed up to the tear)" : "");
    for (String w : facts.warnings()) {
      out.println("warning: " + w);
    }
    if (findings.isEmpty()) {
      out.printf("clean: no findings (checks: %s)%n", String.join(",", facts.checks()));
      out.flush();
      return;
    }
    int n = 0;
    for (Finding f : findings) {
      out.println();
      out.printf(
          "[%d] %s %s  %s%n",
          ++n, f.check().toUpperCase(java.util.Locale.ROOT), f.severity().label(), f.title());
      StringBuilder where = new StringBuilder("    inode " + f.ino());
      for (Map.Entry<String, Object> v : f.orderedValues().entrySet()) {
        where.append(", ").append(v.getKey()).append(' ').append(v.getValue());
      }
      if (f.occurrences() > 1) {
        where.append("   (").append(f.occurrences()).append(" occurrences)");
      }
      out.println(where);
      out.println(
          f.observed()
              ? "    the corruption SHOWED in this run"
              : "    the corruption did not show in this run: this is what could happen");
      out.println();
      for (String line : InterleavingTable.render(f.operations(), symbols)) {
        out.println("    " + line);
      }
      out.println();
      for (String r : f.reasons()) {
        out.println("    - " + r);
      }
    }
    out.println();
    long observed = findings.stream().filter(Finding::observed).count();
    out.printf(
        "%d finding%s (%d observed in this run) from checks %s%n",
        findings.size(),
        findings.size() == 1 ? "" : "s",
        observed,
        String.join(",", facts.checks()));
    out.printf("replay this run: %s%n", replayCommand(facts));
    if (findings.stream().anyMatch(f -> f.check().equals("s2")) && !facts.variant().isEmpty()) {
      out.printf(
          "try every interleaving of one write and one read: hbtrace explore --variant %s%n",
          facts.variant());
    }
    out.flush();
  }

  /** The command that re-runs the recorded program in the recorded order. */
  public static String replayCommand(TraceFacts facts) {
    return "hbtrace replay " + facts.path();
  }
}
