package io.hbtrace.bench;

import io.hbtrace.traces.TraceReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The generic/418-style workload ({@code dio-invalidate-cache --variant pre-fix -w -b 1024 -n 8 -i
 * 4}) with and without the agent, side by side in one run, with the model's device-latency profile
 * off and on. Each measurement is a fresh JVM running {@link WorkloadTimer}: {@code RUNS} workload
 * runs, of which the first {@code -Dhbtrace.warmup=W} (default 800: start-up, the agent's
 * transformation of the loaded classes and the JIT's warm-up, a one-off cost a short run pays in
 * full) are left out; the rest, timed one by one inside the JVM, give the steady-state time per
 * run. Plain and recorded JVMs alternate, and each round's slowdown is the recorded JVM's total
 * over the plain one's of the same round. Prints the median over rounds ({@code
 * -Dhbtrace.rounds=N}, default 5) of the total, the slowdown and the median single run, the ratio
 * of the CPU time the two JVMs used over their timed runs (every thread: see {@link WorkloadTimer};
 * a workload that waits for its device leaves cores idle, so the recorded program's added work
 * shows there in full and in its time only in part), the recorded events per workload operation
 * (one write or one read by one child, over all runs), and the spread over the rounds.
 *
 * <p>Run from the repository root (the flags are for reading the traces back, as Chronicle needs):
 *
 * <pre>
 * mvn -q -pl sample-fs,agent,bench -am package -DskipTests
 * java --add-opens java.base/java.lang.reflect=ALL-UNNAMED --add-opens java.base/java.nio=ALL-UNNAMED \
 *     --add-exports java.base/sun.nio.ch=ALL-UNNAMED --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
 *     -cp bench/target/benchmarks.jar io.hbtrace.bench.WorkloadComparison \
 *     sample-fs/target/sample-fs.jar agent/target/hbtrace-agent.jar [RUNS] [LATENCY...]
 * </pre>
 */
public final class WorkloadComparison {
  static final int CHILDREN = 8;
  static final int ITERATIONS = 4;

  /** Rounds per configuration, {@code -Dhbtrace.rounds=N} (default 5). */
  private static final int ROUNDS = Integer.getInteger("hbtrace.rounds", 5);

  /** Runs left out of the timing in each JVM, {@code -Dhbtrace.warmup=W} (default 800). */
  private static final int WARMUP = Integer.getInteger("hbtrace.warmup", 800);

  private WorkloadComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: WorkloadComparison SAMPLE_FS_JAR AGENT_JAR [RUNS] [LATENCY...]"
              + " (default 2400, none nvme)");
      System.exit(2);
    }
    Path fsJar = Path.of(args[0]).toAbsolutePath();
    Path agentJar = Path.of(args[1]).toAbsolutePath();
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2400;
    if (runs <= WARMUP) {
      System.err.println("RUNS must exceed the warm-up runs (" + WARMUP + ")");
      System.exit(2);
    }
    List<String> latencies =
        args.length > 3 ? Arrays.asList(args).subList(3, args.length) : List.of("none", "nvme");
    String classpath = fsJar + File.pathSeparator + ownJar();
    Path work = Files.createTempDirectory("hbtrace-workload-");
    System.out.printf(
        "%-8s %6s %6s %10s %10s %9s %9s %9s %9s %10s   %s%n",
        "latency",
        "runs",
        "timed",
        "plain ms",
        "agent ms",
        "slowdown",
        "plain med",
        "agent med",
        "cpu ratio",
        "events/op",
        "spread: plain ms, agent ms, per-round slowdown, cpu ratio (min-max)");
    for (String latency : latencies) {
      double[] plain = new double[ROUNDS];
      double[] traced = new double[ROUNDS];
      double[] plainMedian = new double[ROUNDS];
      double[] tracedMedian = new double[ROUNDS];
      double[] cpuRatio = new double[ROUNDS];
      Path out = null;
      for (int r = 0; r < ROUNDS; r++) {
        double[] p = run(classpath, null, latency, runs);
        out = work.resolve(latency + "-" + r);
        double[] t = run(classpath, agent(agentJar, out), latency, runs);
        plain[r] = p[0];
        plainMedian[r] = p[1];
        traced[r] = t[0];
        tracedMedian[r] = t[1];
        cpuRatio[r] = t[2] / p[2];
      }
      // every round records the same runs: the last round's trace stands for all
      long events = EXTRA.contains("format=none") ? 0 : count(out);
      double[] ratio = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        ratio[r] = traced[r] / plain[r];
      }
      long ops = 2L * CHILDREN * ITERATIONS * runs;
      System.out.printf(
          "%-8s %6d %6d %10.1f %10.1f %8.3fx %9.3f %9.3f %8.2fx %10.1f   %s, %s, %s, %s%n",
          latency,
          runs,
          runs - WARMUP,
          median(plain),
          median(traced),
          median(ratio),
          median(plainMedian),
          median(tracedMedian),
          median(cpuRatio),
          (double) events / ops,
          range(plain, "%.0f"),
          range(traced, "%.0f"),
          range(ratio, "%.2f"),
          range(cpuRatio, "%.2f"));
    }
    System.out.println("traces in " + work);
  }

  /** This module's classes (a jar, or a directory in an IDE), for {@link WorkloadTimer}. */
  private static String ownJar() throws Exception {
    return Path.of(WorkloadTimer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }

  /** Extra agent options from {@code -Dhbtrace.agent.options=...} (e.g. {@code format=none}). */
  private static final String EXTRA = System.getProperty("hbtrace.agent.options", "");

  private static String agent(Path jar, Path out) {
    return "-javaagent:"
        + jar
        + "=out="
        + out
        + ",meta.bench=workload"
        + (EXTRA.isEmpty() ? "" : "," + EXTRA);
  }

  /**
   * One workload JVM: the total and the median time in ms of its timed runs, and the CPU time in ms
   * the process used meanwhile. The classpath holds sample-fs and {@link WorkloadTimer}; with the
   * shaded benchmarks jar that is the whole jar, and the agent still instruments only the classes
   * its spec names.
   */
  private static double[] run(String classpath, String agent, String latency, int runs)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (agent != null) {
      cmd.add(agent);
    }
    cmd.addAll(
        List.of(
            "-cp",
            classpath,
            WorkloadTimer.class.getName(),
            Integer.toString(runs),
            Integer.toString(WARMUP),
            latency));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("workload timed out: " + cmd);
    }
    for (String line : output.split("\\R")) {
      String[] w = line.split(" ");
      if (w.length == 5 && w[0].equals("steady")) {
        return new double[] {
          Long.parseLong(w[2]) / 1e6, Long.parseLong(w[3]) / 1e6, Long.parseLong(w[4]) / 1e6
        };
      }
    }
    throw new IllegalStateException("no timing from " + cmd + ":\n" + output);
  }

  /** Events in a trace directory (the agent's trace, read with the traces reader). */
  private static long count(Path dir) throws Exception {
    try (TraceReader r = TraceReader.open(dir)) {
      long n = 0;
      while (r.next() != null) {
        n++;
      }
      return n;
    }
  }

  private static String range(double[] xs, String format) {
    double[] s = sorted(xs);
    return String.format(format + "-" + format, s[0], s[s.length - 1]);
  }

  private static double median(double[] xs) {
    double[] s = sorted(xs);
    return s[s.length / 2];
  }

  private static double[] sorted(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s;
  }
}
