package io.hbtrace.analyzer.cli;

import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.state.Geometry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hbtrace replay TRACE}: runs the recorded program again (its main class and arguments from
 * the trace, the class path from the user) with the agent in replay mode, which holds every thread
 * at every event until the recorded order lets it go; then says whether the run followed the
 * recording and checks the new run next to the recorded one. Exit 0 when it followed, 6 when it
 * diverged.
 */
@Command(
    name = "replay",
    description =
        "Run a recorded program again in the recorded order and check the new run."
            + " Exit 0: followed, 6: diverged, 3: unreadable trace, 4: the program could not run.")
final class ReplayCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "TRACE", description = "A trace directory or a packed trace file.")
  Path trace;

  @Option(
      names = {"--classpath", "-cp"},
      paramLabel = "CP",
      description = "Class path of the recorded program (default for sample-fs: its jar).")
  String classPath;

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "The tracepoint spec it was recorded with, if not a built-in one.")
  Path tracepoints;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Keep the replayed run's trace here (default: a temporary one, deleted).")
  Path out;

  @Option(
      names = "--java",
      paramLabel = "JAVA",
      description =
          "The java executable to replay on (default: the one running hbtrace), e.g. for a program"
              + " built for a newer Java.")
  Path java;

  @Option(
      names = "--jvm-arg",
      paramLabel = "ARG",
      description = "An option for the replaying JVM (repeatable), e.g. --jvm-arg=-Xmx2g.")
  List<String> jvmArgs = new ArrayList<>();

  @Option(names = "--agent", paramLabel = "JAR", description = "The agent jar.")
  Path agent;

  @Override
  public Integer call() throws CliException, IOException {
    PrintWriter o = spec.commandLine().getOut();
    RecordedProgram program;
    List<Finding> recorded;
    long events;
    try (TraceInput in = TraceInput.open(trace)) {
      program = RecordedProgram.of(in.reader().start(), trace);
      TraceCheck.Outcome outcome = check(in);
      recorded = outcome.findings();
      events = outcome.facts().events();
    }
    String cp = program.classPath(classPath);
    Path specFile = program.specFile(tracepoints);
    Path agentJar = Home.require(agent, Home.agentJar(), "agent jar");
    if (java != null && !Files.isExecutable(java)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--java: not an executable file: " + java);
    }
    if (out != null && Files.exists(out) && !TempDirs.isEmptyDirectory(out)) {
      throw new CliException(
          ExitCodes.OUTPUT,
          "cannot write the replayed trace to "
              + out
              + ": "
              + (Files.isDirectory(out)
                  ? "directory is not empty (give a fresh one)"
                  : "not a directory"));
    }
    Path work = Files.createTempDirectory("hbtrace-replay-");
    Path replayed = out != null ? out : work.resolve("trace");
    Path result = work.resolve("result.properties");
    Path log = work.resolve("program.log");
    try {
      o.printf("hbtrace replay: %s%n", program.commandLine());
      o.printf("from %s, following the %,d events of %s%n", cp, events, trace);
      String options =
          AgentOptions.replay(
              trace,
              result,
              replayed,
              specFile != null ? specFile.toAbsolutePath().toString() : program.spec());
      int exit =
          JavaRun.run(
              java != null ? java.toString() : Home.java(),
              agentJar,
              options,
              jvmArgs,
              cp,
              program,
              log,
              30);
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (String line : lines) {
        if (!line.startsWith("hbtrace-agent: the replay diverged")) {
          o.println("  | " + line);
        }
      }
      if (!Files.exists(result)) {
        throw new CliException(ExitCodes.RUN, agentFailure(lines, exit));
      }
      Properties p = JavaRun.result(result);
      boolean followed = "followed".equals(p.getProperty("status"));
      if (!followed
          && exit != 0
          && "0".equals(p.getProperty("followed", "0"))
          && p.getProperty("divergence", "").startsWith("the run ended")) {
        // it ended before its first event: it did not run (no such class, a newer class file)
        throw new CliException(
            ExitCodes.RUN,
            "the program did not run (exit "
                + exit
                + "): "
                + (lines.isEmpty() ? "no output" : lines.get(0)));
      }
      o.printf("program exit %d%n", exit);
      o.println(outcomeLine(p, followed));
      List<Finding> again;
      try (TraceInput in = TraceInput.open(replayed)) {
        again = check(in).findings();
      }
      String before = FindingCounts.line(recorded);
      String after = FindingCounts.line(again);
      o.printf("recorded run: %s%n", before);
      o.printf(
          "replayed run: %s%s%n", after, before.equals(after) ? "  (the same)" : "  (DIFFERENT)");
      if (out != null) {
        o.printf("replayed trace kept in %s%n", out);
      }
      o.flush();
      return followed ? ExitCodes.OK : ExitCodes.DIVERGED;
    } finally {
      Files.deleteIfExists(result);
      Files.deleteIfExists(log);
      if (out == null) {
        TempDirs.delete(replayed);
      }
      Files.deleteIfExists(work);
    }
  }

  private TraceCheck.Outcome check(TraceInput in) throws CliException {
    return TraceCheck.run(
        in,
        trace.toString(),
        CheckRegistry.all(),
        new Geometry(4096, 4096),
        Progress.forTerminal(spec.commandLine().getErr()));
  }

  static String outcomeLine(Properties p, boolean followed) {
    long n = Long.parseLong(p.getProperty("followed", "0"));
    long total = Long.parseLong(p.getProperty("scheduled", "0"));
    long forced = Long.parseLong(p.getProperty("forced", "0"));
    if (!followed) {
      return "replay: DIVERGED: "
          + p.getProperty("divergence", "(no reason given)")
          + (Boolean.parseBoolean(p.getProperty("truncated"))
              ? " (the recording is truncated: its program was stopped before it ended, so its"
                  + " threads did more than the recording shows)"
              : "");
    }
    String tear = Boolean.parseBoolean(p.getProperty("truncated")) ? ", up to its tear" : "";
    if (forced == 0) {
      return String.format(
          "replay: followed the recording: %,d of %,d events in the recorded order%s",
          n, total, tear);
    }
    return String.format(
        "replay: followed the recording to its end, %,d of %,d events%s, but %d step%s forced out"
            + " of turn (a monitor the JVM let a thread take ahead of its turn): around %s the"
            + " order may differ from the recording",
        n, total, tear, forced, forced == 1 ? " was" : "s were", forced == 1 ? "it" : "them");
  }

  private static String agentFailure(List<String> lines, int exit) {
    for (String line : lines) {
      if (line.startsWith("hbtrace-agent: ")) {
        return "the replay could not start: " + line.substring("hbtrace-agent: ".length());
      }
    }
    return "the replay wrote no result (the program exited with " + exit + ")";
  }
}
