package io.hbtrace.analyzer.cli;

import io.hbtrace.traces.EndRecord;
import io.hbtrace.traces.StartRecord;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code hbtrace summary TRACE}: what was recorded, by whom, how much of each kind, how long. */
@Command(
    name = "summary",
    description = "Summarise a trace: producer, program, variant, counts per kind and thread.")
final class SummaryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "TRACE", description = "A trace directory or a packed trace file.")
  Path trace;

  @Override
  public Integer call() throws CliException {
    PrintWriter out = spec.commandLine().getOut();
    try (TraceInput in = TraceInput.open(trace)) {
      long[] byKind = new long[256];
      long[] byThread = new long[64]; // trace thread ids are dense, from 1
      long events = 0;
      Event first = null;
      Event last = null;
      Event e;
      // kind and thread as the reader had them: a call through the Event interface per event
      // (sixty implementations) cost a third of this loop
      while ((e = in.next()) != null) {
        events++;
        byKind[in.kind().code()]++;
        int t = in.thread();
        if (t >= byThread.length) {
          byThread = Arrays.copyOf(byThread, Math.max(t + 1, byThread.length * 2));
        }
        byThread[t]++;
        if (first == null) {
          first = e;
        }
        last = e;
      }
      long firstSeq = first == null ? -1 : first.seq();
      long lastSeq = last == null ? -1 : last.seq();
      StartRecord s = in.reader().start();
      Optional<EndRecord> end = in.reader().end();
      out.printf("trace      %s (format %s)%n", trace, s.formatVersion());
      out.printf(
          "producer   %s %s on %s, pid %d%n", s.producer(), s.producerVersion(), s.jvm(), s.pid());
      out.printf("program    %s %s%n", s.mainClass(), String.join(" ", s.arguments()));
      String variant = in.variant();
      out.printf("variant    %s%n", variant.isEmpty() ? "-" : variant);
      out.printf("started    %s%n", s.startTime());
      if (end.isPresent()) {
        out.printf(
            "duration   %s%n",
            Duration.ofMillis(end.get().endEpochMillis() - s.startEpochMillis()));
        out.printf("dropped    %d events%n", end.get().eventsDropped());
      } else {
        out.println("TRUNCATED  no end record: the writer died or is still running");
      }
      out.printf(
          "events     %,d (order keys %d..%d), %d missing%n",
          events, firstSeq, lastSeq, in.reader().missingEvents());
      for (String w : in.reader().warnings()) {
        out.println("warning    " + w);
      }
      out.println();
      // one grouping format for every count: printf's %,d builds its symbols again per line, and
      // a trace of many short-lived threads has tens of thousands of lines
      NumberFormat grouped =
          NumberFormat.getIntegerInstance(Locale.getDefault(Locale.Category.FORMAT));
      out.println("by kind");
      for (EventKind k : EventKind.values()) {
        if (byKind[k.code()] > 0) {
          out.printf("  %-22s %12s%n", k.name(), grouped.format(byKind[k.code()]));
        }
      }
      out.println();
      out.println("by thread");
      for (int tid = 0; tid < byThread.length; tid++) {
        if (byThread[tid] > 0) {
          out.printf("  %3d %-28s %12s%n", tid, in.threadName(tid), grouped.format(byThread[tid]));
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
