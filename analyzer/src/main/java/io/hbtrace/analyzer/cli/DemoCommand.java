package io.hbtrace.analyzer.cli;

import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.TextReport;
import io.hbtrace.analyzer.report.TraceFacts;
import io.hbtrace.analyzer.state.Geometry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hbtrace demo}: records the generic/418-style workload on the racy ordering ({@code
 * pre-fix}) and on the upstream fix with the agent, checks both, and shows the finding on one and a
 * clean bill on the other. Exit 0 when the verdicts are those; 1 otherwise.
 */
@Command(
    name = "demo",
    description =
        "Record the racy and the fixed variant of the generic/418 workload and check both.")
final class DemoCommand implements Callable<Integer> {
  static final List<String> VARIANTS = List.of("pre-fix", "upstream");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to keep the traces (default: a new temporary directory).")
  Path out;

  @Option(
      names = "--repeat",
      defaultValue = "50",
      paramLabel = "N",
      description =
          "Workload runs per variant (a reader meets an extending write in about one run in"
              + " six). Default: 50.")
  int repeat;

  @Mixin ModelJars jars;

  @Override
  public Integer call() throws CliException, IOException {
    if (repeat <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--repeat must be positive");
    }
    PrintWriter o = spec.commandLine().getOut();
    Path agentJar = jars.agentJar();
    Path fsJar = jars.sampleFsJar();
    Path dir = out != null ? out : Files.createTempDirectory("hbtrace-demo-");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw CliException.cannotWrite(dir, e);
    }
    o.printf(
        "hbtrace demo: generic/418's workload (dio-invalidate-cache -w -b 1024 -n 8 -i 4, %d runs)%n",
        repeat);
    o.printf("recorded with the agent on two variants of the ext4 model, then checked.%n");
    Map<String, List<Finding>> verdicts = new TreeMap<>();
    for (String variant : VARIANTS) {
      Path trace = dir.resolve(variant);
      if (Files.exists(trace)) {
        throw new CliException(ExitCodes.USAGE, trace + " already exists: choose another --out");
      }
      o.println();
      o.printf("== %s ==%n", variant);
      o.printf("workload says: %s%n", record(agentJar, fsJar, trace, variant));
      try (TraceInput in = TraceInput.open(trace)) {
        TraceCheck.Outcome outcome =
            TraceCheck.run(
                in,
                trace.toString(),
                CheckRegistry.all(),
                new Geometry(4096, 4096),
                Progress.forTerminal(spec.commandLine().getErr()));
        verdicts.put(variant, outcome.findings());
        show(o, in, outcome);
      }
    }
    boolean racyFlagged = verdicts.get("pre-fix").stream().anyMatch(f -> f.check().equals("s2"));
    boolean fixClean = verdicts.get("upstream").isEmpty();
    o.println();
    o.println(
        racyFlagged && fixClean
            ? "verdict: pre-fix has the stale-i_size window; the upstream fix is clean."
            : "verdict: UNEXPECTED (pre-fix flagged: "
                + racyFlagged
                + ", upstream clean: "
                + fixClean
                + ")");
    o.printf(
        "traces kept in %s; re-check one with: hbtrace check %s%n", dir, dir.resolve("pre-fix"));
    o.flush();
    return racyFlagged && fixClean ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private String record(Path agentJar, Path fsJar, Path trace, String variant) throws CliException {
    List<String> args = DemoWorkload.arguments(variant, repeat);
    RecordedProgram program =
        new RecordedProgram(RecordedProgram.SAMPLE_FS_MAIN, args, "builtin:sample-fs");
    try {
      Path log = Files.createTempFile("hbtrace-demo-", ".log");
      int exit =
          JavaRun.run(
              Home.java(),
              agentJar,
              AgentOptions.of(trace, null),
              List.of(),
              fsJar.toString(),
              program,
              log,
              10);
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
      if (exit > 1 || !last.startsWith("runs=")) {
        throw new CliException(
            ExitCodes.RUN,
            "the workload failed (exit " + exit + "): " + (lines.isEmpty() ? "no output" : last));
      }
      return last;
    } catch (IOException e) {
      throw new CliException(ExitCodes.RUN, "cannot run the workload: " + e.getMessage(), e);
    }
  }

  /** Counts per check, then an S2 finding in full: one whose corruption showed, if any did. */
  private static void show(PrintWriter o, TraceInput in, TraceCheck.Outcome outcome) {
    List<Finding> findings = outcome.findings();
    TraceFacts facts = outcome.facts();
    o.printf(
        "trace: %,d events, %d threads%s%n",
        facts.events(), facts.threads(), facts.truncated() ? ", TRUNCATED" : "");
    if (findings.isEmpty()) {
      o.println("check: clean, no finding from any check (s1-s5, o1-o6, ci)");
      return;
    }
    Map<String, Long> byCheck = new TreeMap<>();
    for (Finding f : findings) {
      byCheck.merge(f.check(), f.occurrences(), Long::sum);
    }
    StringBuilder b = new StringBuilder("check:");
    byCheck.forEach((k, n) -> b.append(' ').append(k).append(" x").append(n));
    o.println(b);
    findings.stream()
        .filter(f -> f.check().equals("s2"))
        .min(java.util.Comparator.comparing(f -> !f.observed())) // one that showed, if any did
        .ifPresent(
            s2 ->
                TextReport.write(
                    o,
                    new TraceFacts(
                        facts.path(),
                        facts.events(),
                        facts.threads(),
                        facts.truncated(),
                        facts.variant(),
                        List.of("s2"),
                        List.of()),
                    List.of(s2),
                    in));
  }
}
