package io.hbtrace.analyzer.cli;

import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.JsonReport;
import io.hbtrace.analyzer.report.SarifReport;
import io.hbtrace.analyzer.report.TextReport;
import io.hbtrace.analyzer.report.TraceFacts;
import io.hbtrace.analyzer.state.Geometry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hbtrace check TRACE}: runs the checks and reports findings (exit 1 if any). */
@Command(
    name = "check",
    description =
        "Check a trace for ordering bugs. Exit 0: clean, 1: findings, 2: usage, 3: unreadable trace.")
final class CheckCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    sarif
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "TRACE", description = "A trace directory or a packed trace file.")
  Path trace;

  @Option(
      names = "--checks",
      defaultValue = "all",
      paramLabel = "LIST",
      description =
          "Comma-separated checks (s1..s5, o1..o6, ci), families (s, o) or all. Default: all.")
  String checks;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or sarif (SARIF 2.1.0). Default: text.")
  Format format;

  @Option(
      names = "--page-size",
      defaultValue = "4096",
      description = "Page size when the trace has no MOUNT event. Default: 4096.")
  int pageSize;

  @Option(
      names = "--block-size",
      defaultValue = "4096",
      description = "Block size when the trace has no MOUNT event. Default: 4096.")
  int blockSize;

  @Override
  public Integer call() throws CliException, IOException {
    List<CheckRegistry.Entry> selected;
    try {
      selected = CheckRegistry.select(checks);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (pageSize <= 0 || blockSize <= 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--page-size and --block-size must be positive");
    }
    if (pageSize % blockSize != 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--page-size must be a multiple of --block-size (a page holds whole blocks)");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (TraceInput in = TraceInput.open(trace)) {
      TraceCheck.Outcome outcome =
          TraceCheck.run(
              in,
              trace.toString(),
              selected,
              new Geometry(blockSize, pageSize),
              Progress.forTerminal(err));
      List<Finding> findings = outcome.findings();
      TraceFacts facts = outcome.facts();
      if (facts.truncated() && format != Format.text) {
        err.println(
            "hbtrace: warning: "
                + trace
                + " has no end record (writer died or still running); analysed up to the tear");
      }
      switch (format) {
        case json -> JsonReport.write(out, facts, findings, in);
        case sarif -> SarifReport.write(out, Version.get(), rules(selected), facts, findings, in);
        default -> TextReport.write(out, facts, findings, in);
      }
      return findings.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
  }

  /** The selected checks as SARIF rules. */
  static List<SarifReport.Rule> rules(List<CheckRegistry.Entry> selected) {
    return selected.stream().map(e -> new SarifReport.Rule(e.name(), e.title())).toList();
  }
}
