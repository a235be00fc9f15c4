package io.hbtrace.analyzer.cli;

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

  /** Whether thread {@code tid} of {@code in} is wanted (every thread when none was named). */
  boolean threadWanted(TraceInput in, int tid) {
    if (threads == null) {
      return true;
    }
    for (String t : threads) {
      if (t.equals(Integer.toString(tid)) || t.equals(in.threadName(tid))) {
        return true;
      }
    }
    return false;
  }
}
