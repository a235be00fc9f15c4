package io.hbtrace.analyzer.cli;

import io.hbtrace.analyzer.report.Finding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Findings counted per check, for one-line verdicts: {@code s1 x77 s2 x57 (5 observed)}. */
final class FindingCounts {
  private FindingCounts() {}

  /** Per check: occurrences, and how many of them showed the corruption in the run. */
  static Map<String, long[]> of(List<Finding> findings) {
    Map<String, long[]> byCheck = new TreeMap<>();
    for (Finding f : findings) {
      long[] n = byCheck.computeIfAbsent(f.check(), k -> new long[2]);
      n[0] += f.occurrences();
      if (f.observed()) {
        n[1]++;
      }
    }
    return byCheck;
  }

  /** {@code s1 x77 s2 x57 (5 observed)}, or {@code clean}. */
  static String line(List<Finding> findings) {
    Map<String, long[]> byCheck = of(findings);
    if (byCheck.isEmpty()) {
      return "clean";
    }
    StringBuilder b = new StringBuilder();
    byCheck.forEach(
        (check, n) -> {
          b.append(b.length() == 0 ? "" : " ").append(check).append(" x").append(n[0]);
          if (n[1] > 0) {
            b.append(" (").append(n[1]).append(" observed)");
          }
        });
    return b.toString();
  }
}
