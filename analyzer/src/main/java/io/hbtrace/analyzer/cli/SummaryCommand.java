package io.hbtrace.analyzer.cli;

import io.hbtrace.traces.EndRecord;
import io.hbtrace.traces.StartRecord;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
      long firstSeq = -1;
      long lastSeq = -1;
      Event e;
      while ((e = in.next()) != null) {
        events++;
        byKind[e.kind().code()]++;
        int t = e.thread();
        if (t >= byThread.length) {
          byThread = Arrays.copyOf(byThread, Math.max(t + 1, byThread.length * 2));
        }
        byThread[t]++;
        firstSeq = firstSeq < 0 ? e.seq() : firstSeq;
        lastSeq = e.seq();
      }
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
      out.println("by kind");
      for (EventKind k : EventKind.values()) {
        if (byKind[k.code()] > 0) {
          out.printf("  %-22s %,12d%n", k.name(), byKind[k.code()]);
        }
      }
      out.println();
      out.println("by thread");
      for (int tid = 0; tid < byThread.length; tid++) {
        if (byThread[tid] > 0) {
          out.printf("  %3d %-28s %,12d%n", tid, in.threadName(tid), byThread[tid]);
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
