package io.hbtrace.analyzer.cli;

import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.analyzer.report.FindingMarks;
import io.hbtrace.analyzer.report.PerfettoExport;
import io.hbtrace.analyzer.state.Geometry;
import io.hbtrace.traces.StartRecord;
import io.hbtrace.traces.event.Event;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hbtrace export TRACE --format perfetto --out FILE}: the trace for a timeline viewer, one
 * track per thread, written as it is read.
 */
@Command(
    name = "export",
    description =
        "Export a trace for a timeline viewer (perfetto: Trace Event Format JSON for"
            + " ui.perfetto.dev). Exit 0: written, 2: usage, 3: unreadable trace, 5: cannot write"
            + " FILE.")
final class ExportCommand implements Callable<Integer> {
  enum Format {
    perfetto
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "TRACE", description = "A trace directory or a packed trace file.")
  Path trace;

  @Option(
      names = "--format",
      defaultValue = "perfetto",
      description = "perfetto (Chrome/Perfetto Trace Event Format JSON). Default: perfetto.")
  Format format;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The file to write (replaced if it exists).")
  Path out;

  @Option(
      names = "--findings",
      description = "Check the trace first and mark the findings' operations.")
  boolean findings;

  @Option(
      names = "--checks",
      defaultValue = "all",
      paramLabel = "LIST",
      description = "With --findings: the checks to run, as for check. Default: all.")
  String checks;

  @Mixin EventWindow window;

  @Override
  public Integer call() throws CliException {
    if (!findings && spec.commandLine().getParseResult().hasMatchedOption("--checks")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--checks needs --findings (it chooses the checks whose findings are marked)");
    }
    List<CheckRegistry.Entry> selected;
    try {
      selected = CheckRegistry.select(checks);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    window.validate(spec.commandLine());
    if (overwritesTrace()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--out " + out + " would overwrite the trace " + trace);
    }
    FindingMarks marks = FindingMarks.none();
    if (findings) {
      try (TraceInput in = TraceInput.open(trace)) {
        Geometry defaults = new Geometry(4096, 4096);
        Progress progress = Progress.forTerminal(spec.commandLine().getErr());
        marks =
            FindingMarks.of(
                TraceCheck.run(in, trace.toString(), selected, defaults, progress).findings());
      }
    }
    try (TraceInput in = TraceInput.open(trace)) {
      long exported = write(in, marks);
      int n = marks.findings();
      String marked = findings ? " (" + n + (n == 1 ? " finding" : " findings") + " marked)" : "";
      spec.commandLine()
          .getOut()
          .printf("exported %,d events of %s to %s%s%n", exported, trace, out, marked);
      return ExitCodes.OK;
    }
  }

  /**
   * Writes the export into a file beside {@code out}, moved over it once complete: if reading or
   * writing fails, {@code out} is as it was (an earlier file there is kept).
   */
  private long write(TraceInput in, FindingMarks marks) throws CliException {
    if (Files.isDirectory(out)) {
      throw new CliException(ExitCodes.OUTPUT, "cannot write " + out + ": is a directory");
    }
    Path part = out.resolveSibling(out.getFileName() + ".part");
    Writer w;
    try {
      w = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw CliException.cannotWrite(out, e);
    }
    boolean done = false;
    try (w) {
      PerfettoExport export =
          new PerfettoExport(w, in, processName(in), about(in), exportWindow(in), marks);
      Event e;
      while ((e = in.next()) != null && export.accept(e)) {
        // written as read
      }
      if (e == null && in.reader().truncated()) {
        export.note("truncated", "no end record: exported up to the tear");
        spec.commandLine()
            .getErr()
            .println(
                "hbtrace: warning: "
                    + trace
                    + " has no end record (writer died or still running); exported up to the tear");
      }
      window.warnUnmatched(spec.commandLine().getErr(), trace, in, e == null);
      export.finish();
      done = true;
      return export.exportedEvents();
    } catch (IOException e) {
      throw CliException.cannotWrite(out, e);
    } finally {
      finishPart(part, done);
    }
  }

  /** Moves the complete export over {@code out}, or removes a partial one. */
  private void finishPart(Path part, boolean complete) throws CliException {
    try {
      if (complete) {
        Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.deleteIfExists(part);
      }
    } catch (IOException e) {
      if (complete) {
        throw CliException.cannotWrite(out, e);
      }
      // a failure is being reported; a leftover partial file matters less
    }
  }

  private boolean overwritesTrace() {
    Path t = trace.toAbsolutePath().normalize();
    Path o = out.toAbsolutePath().normalize();
    return o.equals(t) || (Files.isDirectory(t) && o.startsWith(t));
  }

  private PerfettoExport.Window exportWindow(TraceInput in) {
    return new PerfettoExport.Window(window.from, window.to, tid -> window.threadWanted(in, tid));
  }

  private static String processName(TraceInput in) {
    StartRecord s = in.reader().start();
    String main = s.mainClass().substring(s.mainClass().lastIndexOf('.') + 1);
    String variant = in.variant();
    return main + (variant.isEmpty() ? "" : " " + variant) + " (pid " + s.pid() + ")";
  }

  private Map<String, Object> about(TraceInput in) {
    StartRecord s = in.reader().start();
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("trace", trace.toString());
    about.put("program", s.mainClass() + " " + String.join(" ", s.arguments()));
    about.put("variant", in.variant());
    about.put("started", s.startTime().toString());
    about.put("producer", s.producer() + " " + s.producerVersion());
    about.put("exporter", "hbtrace " + Version.get());
    return about;
  }
}
