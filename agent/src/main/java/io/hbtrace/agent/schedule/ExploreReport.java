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

  /** {@code child-0 OP_BEGIN at ... .. PAGE_INSERT at ... | child-1 ...}. */
  static String stretches(List<String> grants) {
    StringBuilder b = new StringBuilder();
    String thread = null;
    String last = null;
    for (String g : grants) {
      int sp = g.indexOf(' ');
      String t = g.substring(0, sp);
      String what = g.substring(sp + 1);
      if (!t.equals(thread)) {
        if (last != null) {
          b.append(" .. ").append(last);
        }
        b.append(b.length() == 0 ? "" : " | ").append(t).append(": ").append(what);
        thread = t;
        last = null;
      } else {
        last = what;
      }
    }
    if (last != null) {
      b.append(" .. ").append(last);
    }
    return b.toString();
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
