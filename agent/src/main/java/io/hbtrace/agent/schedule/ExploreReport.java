package io.hbtrace.agent.schedule;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What an exploration found, written at its end to the file the {@code exploreResult} option names
 * (a Java properties file that {@code hbtrace explore} reads): {@code runs}, {@code corrupt} runs,
 * {@code decisions}, {@code search} (what was tried), {@code exhausted} (every run within the bound
 * was tried), {@code nondeterministic} (runs that did not repeat what an earlier run did where they
 * were steered after it), and {@code firstCorrupt}: the interleaving of the first corrupt run, as
 * the stretches each thread ran.
 */
final class ExploreReport {
  private final Path file;
  final long maxRuns;
  long runs;
  long corruptRuns;
  long decisions;
  String firstCorrupt;
  boolean exhausted;
  long nondeterministicRuns;
  String search = "";

  ExploreReport(Path file, long maxRuns) {
    this.file = file;
    this.maxRuns = maxRuns;
  }

  /** A run ended; {@code grants} are its decisions: {@code "thread KIND at site"}. */
  void ran(boolean corrupt, List<String> grants) {
    runs++;
    decisions += grants.size();
    if (corrupt) {
      corruptRuns++;
      if (firstCorrupt == null) {
        firstCorrupt = "run " + runs + ": " + stretches(grants);
      }
    }
  }

  /**
   * The stretches each thread ran, one per {@code |}: {@code child-1: PAGE_LOOKUP at S .. COPY_OUT
   * at S (via PAGE_INSERT, SIZE_SAMPLE)}, naming the events it stopped at in between.
   */
  static String stretches(List<String> grants) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < grants.size()) {
      String thread = threadOf(grants.get(i));
      int j = i;
      while (j + 1 < grants.size() && threadOf(grants.get(j + 1)).equals(thread)) {
        j++;
      }
      b.append(b.length() == 0 ? "" : " | ")
          .append(thread)
          .append(": ")
          .append(eventOf(grants.get(i)));
      if (j > i) {
        b.append(" .. ").append(eventOf(grants.get(j)));
      }
      if (j > i + 1) {
        StringBuilder via = new StringBuilder();
        for (int k = i + 1; k < j; k++) {
          String e = eventOf(grants.get(k));
          via.append(via.length() == 0 ? "" : ", ").append(e, 0, e.indexOf(' '));
        }
        b.append(" (via ").append(via).append(')');
      }
      i = j + 1;
    }
    return b.toString();
  }

  private static String threadOf(String grant) {
    return grant.substring(0, grant.indexOf(' '));
  }

  private static String eventOf(String grant) {
    return grant.substring(grant.indexOf(' ') + 1);
  }

  void write(PrintStream err) {
    Properties p = new Properties();
    p.setProperty("runs", Long.toString(runs));
    p.setProperty("corrupt", Long.toString(corruptRuns));
    p.setProperty("decisions", Long.toString(decisions));
    p.setProperty("search", search);
    p.setProperty("exhausted", Boolean.toString(exhausted));
    p.setProperty("nondeterministic", Long.toString(nondeterministicRuns));
    if (firstCorrupt != null) {
      p.setProperty("firstCorrupt", firstCorrupt);
    }
    ResultFile.write(file, p, "exploration", err);
  }
}
