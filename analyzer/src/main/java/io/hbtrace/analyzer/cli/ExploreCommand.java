package io.hbtrace.analyzer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hbtrace explore}: runs the operations of a stale-i_size finding (one extending direct
 * write and one buffered read of the same page, generic/418's smallest case) under the agent's
 * explorer, which tries every interleaving at tracepoint granularity up to a number of preemptions
 * (or random ones), on each chosen variant of the model; reports how many corrupt data. Exit 0 when
 * none does, 1 when some do.
 */
@Command(
    name = "explore",
    description =
        "Run one extending direct write against a buffered read of its page in every interleaving"
            + " (up to --preemptions) on each variant, and count the corrupt ones."
            + " Exit 0: none corrupt, 1: some corrupt, 2: usage, 4: the workload could not run.")
final class ExploreCommand implements Callable<Integer> {
  static final List<String> SCENARIO =
      List.of(
          "dio-invalidate-cache", "-w", "-b", "1024", "-n", "2", "-i", "1", "--latency", "none");
  static final List<String> ALL = List.of("pre-fix", "endio-all", "upstream", "xfs", "rework-2023");

  /** A package prefix of a class name, left out of printed sites. */
  private static final Pattern PACKAGE = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--variant",
      split = ",",
      paramLabel = "LIST",
      description =
          "Variants to explore (pre-fix, endio-all, upstream, xfs, rework-2023), or all. Default:"
              + " pre-fix,upstream.")
  List<String> variants = new ArrayList<>(List.of("pre-fix", "upstream"));

  @Option(
      names = "--preemptions",
      defaultValue = "2",
      paramLabel = "N",
      description = "Try every interleaving with at most N preemptions (0-6). Default: 2.")
  int preemptions;

  @Option(
      names = "--random",
      paramLabel = "RUNS",
      description = "Instead, try RUNS random interleavings (seeded by --seed).")
  Long random;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of --random. Default: 1.")
  long seed;

  @Option(
      names = "--max-runs",
      defaultValue = "100000",
      paramLabel = "N",
      description = "Stop a search after N runs. Default: 100000.")
  long maxRuns;

  @Mixin ModelJars jars;

  /** The most runs a search may be given: the workload counts its repeats in an {@code int}. */
  static final long MAX_RUNS = 1_000_000_000L;

  @Override
  public Integer call() throws CliException, IOException {
    List<String> chosen = checkOptions();
    PrintWriter o = spec.commandLine().getOut();
    Path agentJar = jars.agentJar();
    Path fsJar = jars.sampleFsJar();
    o.printf(
        "hbtrace explore: one extending direct write racing a buffered read of its page%n"
            + "(%s), %s%n%n",
        String.join(" ", SCENARIO),
        random != null
            ? random + " random interleavings (seed " + seed + ")"
            : "every interleaving with at most "
                + preemptions
                + " preemption"
                + (preemptions == 1 ? "" : "s"));
    Map<String, Properties> found = new LinkedHashMap<>();
    o.printf("%-12s %14s %8s  %s%n", "variant", "interleavings", "corrupt", "search");
    for (String v : chosen) {
      Properties p = explore(agentJar, fsJar, v);
      found.put(v, p);
      o.printf(
          "%-12s %,14d %,8d  %s%s%n",
          v,
          Long.parseLong(p.getProperty("distinct", "0")),
          Long.parseLong(p.getProperty("corrupt", "0")),
          searchState(p),
          nondeterminism(p));
      o.flush();
    }
    List<String> corrupt = new ArrayList<>();
    for (Map.Entry<String, Properties> e : found.entrySet()) {
      String first = e.getValue().getProperty("firstCorrupt");
      if (first != null) {
        corrupt.add(e.getKey());
        o.printf(
            "%n%s, first corrupt interleaving (%s):%n",
            e.getKey(), first.substring(0, first.indexOf(':')));
        for (String stretch : first.substring(first.indexOf(':') + 2).split(" \\| ")) {
          o.printf("  %s%n", PACKAGE.matcher(stretch).replaceAll(""));
        }
      }
    }
    List<String> partial = new ArrayList<>();
    for (Map.Entry<String, Properties> e : found.entrySet()) {
      if (!Boolean.parseBoolean(e.getValue().getProperty("exhausted"))) {
        partial.add(e.getKey());
      }
    }
    o.println();
    o.println(
        !corrupt.isEmpty()
            ? "verdict: data corrupted in some interleavings of " + String.join(", ", corrupt)
            : partial.isEmpty()
                ? "verdict: no interleaving corrupts data"
                : "verdict: none of the interleavings tried corrupts data (not every interleaving"
                    + " of "
                    + String.join(", ", partial)
                    + " was tried)");
    o.flush();
    return corrupt.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private List<String> checkOptions() {
    List<String> chosen = variants.contains("all") ? ALL : variants;
    for (String v : chosen) {
      if (!ALL.contains(v)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "unknown variant '" + v + "' (explorable: " + String.join(", ", ALL) + ", all)");
      }
    }
    if (preemptions < 0 || preemptions > 6) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--preemptions must be 0-6");
    }
    if (maxRuns < 1 || maxRuns > MAX_RUNS) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--max-runs must be 1-" + MAX_RUNS + " (got " + maxRuns + ")");
    }
    if (random != null && (random < 1 || random > MAX_RUNS)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--random must be 1-" + MAX_RUNS + " (got " + random + ")");
    }
    CommandLine.ParseResult given = spec.commandLine().getParseResult();
    if (random != null && given.hasMatchedOption("--preemptions")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--preemptions and --random exclude each other");
    }
    if (random == null && given.hasMatchedOption("--seed")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--seed needs --random (the search by preemptions is not random)");
    }
    return chosen;
  }

  /** How the search of one variant ended. */
  private String searchState(Properties p) {
    if (random != null) {
      return "random";
    }
    if (Boolean.parseBoolean(p.getProperty("exhausted"))) {
      return "complete";
    }
    return Long.parseLong(p.getProperty("runs", "0")) >= maxRuns
        ? "stopped at --max-runs"
        : "stopped early (the workload ended or stalled)";
  }

  private static String nondeterminism(Properties p) {
    long n = Long.parseLong(p.getProperty("nondeterministic", "0"));
    return n == 0 ? "" : String.format(" (%d run%s strayed from their plan)", n, n == 1 ? "" : "s");
  }

  private Properties explore(Path agentJar, Path fsJar, String variant)
      throws CliException, IOException {
    Path work = Files.createTempDirectory("hbtrace-explore-");
    Path result = work.resolve("result.properties");
    Path log = work.resolve("workload.log");
    try {
      long runs = random != null ? random : maxRuns;
      String options =
          "explore="
              + (random != null ? "random" : "dfs")
              + ",exploreResult="
              + AgentOptions.path(result)
              + ",explorePreemptions="
              + preemptions
              + ",exploreRuns="
              + runs
              + ",exploreSeed="
              + seed
              + ",failOnError=true";
      List<String> args = new ArrayList<>(SCENARIO);
      args.addAll(
          List.of("--variant", variant, "--seed", "1", "--repeat", Long.toString(runs + 1)));
      RecordedProgram program =
          new RecordedProgram(RecordedProgram.SAMPLE_FS_MAIN, args, "builtin:sample-fs");
      int exit =
          JavaRun.run(
              Home.java(), agentJar, options, List.of(), fsJar.toString(), program, log, 60);
      if (!Files.exists(result)) {
        throw failed("exploring " + variant + " failed", exit, log, false);
      }
      Properties p = JavaRun.result(result);
      if (Long.parseLong(p.getProperty("runs", "0")) == 0) {
        throw failed("exploring " + variant + ": the workload ran no scenario", exit, log, true);
      }
      return p;
    } finally {
      TempDirs.delete(work);
    }
  }

  /**
   * {@code what} went wrong: said with the workload's exit status and its first output line (the
   * JVM's reason it could not start) or its last (where it ended).
   */
  private static CliException failed(String what, int exit, Path log, boolean first)
      throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    String line = lines.isEmpty() ? "no output" : lines.get(first ? 0 : lines.size() - 1);
    return new CliException(ExitCodes.RUN, what + " (exit " + exit + "): " + line);
  }
}
