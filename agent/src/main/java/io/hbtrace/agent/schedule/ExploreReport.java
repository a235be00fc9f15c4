package io.hbtrace.agent.schedule;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * What an exploration found, written at its end to the file the {@code exploreResult} option names
 * (a Java properties file that {@code hbtrace explore} reads): {@code runs}, {@code distinct}
 * interleavings among them, {@code corrupt} (distinct) interleavings, {@code decisions}, {@code
 * search} (what was tried), {@code exhausted} (every run within the bound was tried), {@code
 * nondeterministic} (runs that did not repeat what an earlier run did where they were steered after
 * it), and {@code firstCorrupt}: the interleaving of the first corrupt run, as the stretches each
 * thread ran.
 */
final class ExploreReport {
  private final Path file;
  final long maxRuns;
  long runs;
  long distinct;
  long corruptRuns;
  private final Set<Long> seen = new HashSet<>();
  long decisions;
  String firstCorrupt;
  boolean exhausted;
  long nondeterministicRuns;
  String search = "";

  ExploreReport(Path file, long maxRuns) {
    this.file = file;
    this.maxRuns = maxRuns;
  }

  /**
   * A run ended; {@code grants} are its decisions: {@code "thread KIND at site"}. A run that
   * repeats the decisions of an earlier one (a search that strayed and came back) counts once.
   */
  void ran(boolean corrupt, List<String> grants) {
    runs++;
    decisions += grants.size();
    if (!seen.add(fingerprint(grants))) {
      return;
    }
    distinct++;
    if (corrupt) {
      corruptRuns++;
      if (firstCorrupt == null) {
        firstCorrupt = "run " + runs + ": " + stretches(grants);
      }
    }
  }

  /**
   * A 64-bit FNV-1a hash of the decisions: equal for equal runs, distinct runs practically never.
   */
  private static long fingerprint(List<String> grants) {
    long h = 0xcbf29ce484222325L;
    for (String g : grants) {
      for (int i = 0; i < g.length(); i++) {
        h = (h ^ g.charAt(i)) * 0x100000001b3L;
      }
      h = (h ^ '|') * 0x100000001b3L;
    }
    return h;
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
    p.setProperty("distinct", Long.toString(distinct));
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
