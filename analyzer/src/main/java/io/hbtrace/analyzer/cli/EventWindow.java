package io.hbtrace.analyzer.cli;

import io.hbtrace.traces.ThreadInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The part of a trace a verb looks at: a range of order keys and, optionally, some threads. Shared
 * by {@code print} and {@code export} as a picocli mixin.
 */
final class EventWindow {
  @Option(
      names = "--thread",
      split = ",",
      paramLabel = "THREAD",
      description = "Only these threads, by name or id.")
  String[] threads;

  @Option(
      names = "--from",
      defaultValue = "0",
      paramLabel = "SEQ",
      description = "First order key to include.")
  long from;

  @Option(
      names = "--to",
      defaultValue = "" + Long.MAX_VALUE,
      paramLabel = "SEQ",
      description = "Last order key to include.")
  long to;

  /** Rejects a range that holds nothing, as a usage error of {@code command}. */
  void validate(CommandLine command) {
    if (from < 0 || to < from) {
      throw new CommandLine.ParameterException(
          command, "--from and --to must satisfy 0 <= from <= to");
    }
  }

  /** Whether the order key {@code seq} is in the range. */
  boolean contains(long seq) {
    return seq >= from && seq <= to;
  }

  private boolean[] matched; // per name in threads: whether any event's thread was it

  /** Whether thread {@code tid} of {@code in} is wanted (every thread when none was named). */
  boolean threadWanted(TraceInput in, int tid) {
    if (threads == null) {
      return true;
    }
    if (matched == null) {
      matched = new boolean[threads.length];
    }
    for (int i = 0; i < threads.length; i++) {
      if (names(threads[i], tid, in)) {
        matched[i] = true;
        return true;
      }
    }
    return false;
  }

  /**
   * Warns on {@code err} of each thread named by {@code --thread} that no event read came from (a
   * misspelt name would otherwise leave the output silently empty). When reading stopped before the
   * end ({@code --to}, {@code --limit}), only of names that no thread defined so far has: a thread
   * named right may simply have had no event yet.
   */
  void warnUnmatched(PrintWriter err, Path trace, TraceInput in, boolean atEnd) {
    if (threads == null) {
      return;
    }
    for (int i = 0; i < threads.length; i++) {
      if (matched != null && matched[i]) {
        continue;
      }
      if (atEnd) {
        err.println(
            "hbtrace: warning: no event of thread '"
                + threads[i]
                + "' in "
                + trace
                + " (threads are named by name or id, as hbtrace summary lists them)");
      } else if (!defined(in, threads[i])) {
        err.println(
            "hbtrace: warning: no thread '"
                + threads[i]
                + "' among those "
                + trace
                + " defines before reading stopped (threads are named by name or id, as hbtrace"
                + " summary lists them)");
      }
    }
  }

  private static boolean defined(TraceInput in, String name) {
    for (ThreadInfo t : in.reader().threads()) {
      if (names(name, t.tid(), in)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code given} names thread {@code tid}: its id, or its name as reports show it. */
  private static boolean names(String given, int tid, TraceInput in) {
    return given.equals(Integer.toString(tid)) || given.equals(in.threadName(tid));
  }
}
