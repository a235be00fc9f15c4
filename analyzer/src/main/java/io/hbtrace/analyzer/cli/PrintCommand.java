package io.hbtrace.analyzer.cli;

import io.hbtrace.analyzer.report.EventText;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hbtrace print TRACE [filters]}: events in order, one per line. */
@Command(name = "print", description = "Print events in order, one per line, optionally filtered.")
final class PrintCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "TRACE", description = "A trace directory or a packed trace file.")
  Path trace;

  @Option(
      names = "--kind",
      split = ",",
      paramLabel = "KIND",
      description = "Only these kinds (e.g. SIZE_UPDATE,PAGE_INVALIDATE).")
  String[] kinds;

  @Mixin EventWindow window;

  @Option(
      names = "--ino",
      paramLabel = "INO",
      description = "Only events of this inode (events with an ino field).")
  Long ino;

  @Option(
      names = "--limit",
      defaultValue = "" + Long.MAX_VALUE,
      paramLabel = "N",
      description = "Print at most N events.")
  long limit;

  /** Printed lines between checks that standard output still takes them. */
  private static final int CHECK_OUTPUT_EVERY = 4096;

  @Override
  public Integer call() throws CliException {
    Set<EventKind> wanted = parseKinds();
    window.validate(spec.commandLine());
    if (limit < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--limit must not be negative");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (TraceInput in = TraceInput.open(trace)) {
      long printed = 0;
      boolean atEnd = false;
      Event e = null;
      while (printed < limit && !(atEnd = (e = in.next()) == null)) {
        if (!window.contains(e.seq())
            || !wanted.contains(e.kind())
            || !window.threadWanted(in, e.thread())
            || !inoWanted(e)) {
          continue;
        }
        out.printf(
            "%8d  %-16s %-20s %s  at %s%n",
            e.seq(),
            in.threadName(e.thread()),
            e.kind().name(),
            EventText.fields(e, in),
            in.site(e.site()).shortForm());
        printed++;
        if (printed % CHECK_OUTPUT_EVERY == 0 && out.checkError()) {
          // closed (print | head) or full: stop reading rather than format lines no one gets
          throw new CliException(ExitCodes.OUTPUT, HbtraceMain.OUTPUT_LOST);
        }
      }
      if (atEnd && in.reader().truncated()) {
        out.println("(truncated: no end record)");
      }
      out.flush();
      window.warnUnmatched(spec.commandLine().getErr(), trace, in, atEnd);
      return ExitCodes.OK;
    }
  }

  private Set<EventKind> parseKinds() {
    if (kinds == null) {
      return EnumSet.allOf(EventKind.class);
    }
    Set<EventKind> set = EnumSet.noneOf(EventKind.class);
    for (String k : kinds) {
      try {
        set.add(EventKind.valueOf(k.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException ex) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "unknown event kind '" + k + "'");
      }
    }
    return set;
  }

  private boolean inoWanted(Event e) {
    if (ino == null) {
      return true;
    }
    int i = e.kind().fieldNames().indexOf("ino");
    return i >= 0 && e.field(i) == ino;
  }
}
