package io.hbtrace.bench;

import io.hbtrace.traces.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The generic/418-style workload ({@code sample-fs dio-invalidate-cache}) with and without the
 * agent, side by side in one run, with the model's device-latency profile off and on. Each
 * measurement runs a fresh JVM; plain and recorded runs alternate, and each configuration's
 * workload time is the median over rounds of (time with {@code --repeat R}) minus (time with {@code
 * --repeat B}) with B = 1 by default, which takes JVM and agent start-up out. With a larger B
 * ({@code -Dhbtrace.base=B}, e.g. 400, past the JIT's warm-up) the figure is the steady-state cost
 * of the remaining repeats: compiling the instrumented code is a one-off cost, like start-up, that
 * a short run pays in full. Prints the slowdown ratio and the recorded events per workload
 * operation (one write or one read by one child), with the spread over the rounds ({@code
 * -Dhbtrace.rounds=N}, default 5).
 *
 * <p>Run from the repository root (the flags are for reading the traces back, as Chronicle needs):
 *
 * <pre>
 * mvn -q -pl sample-fs,agent,bench -am package -DskipTests
 * java --add-opens java.base/java.lang.reflect=ALL-UNNAMED --add-opens java.base/java.nio=ALL-UNNAMED \
 *     --add-exports java.base/sun.nio.ch=ALL-UNNAMED --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
 *     -cp bench/target/benchmarks.jar io.hbtrace.bench.WorkloadComparison \
 *     sample-fs/target/sample-fs.jar agent/target/hbtrace-agent.jar [REPEAT] [LATENCY...]
 * </pre>
 */
public final class WorkloadComparison {
  private static final int CHILDREN = 8;
  private static final int ITERATIONS = 4;

  /** Rounds per configuration, {@code -Dhbtrace.rounds=N} (default 5). */
  private static final int ROUNDS = Integer.getInteger("hbtrace.rounds", 5);

  /** The repeat count whose time is subtracted, {@code -Dhbtrace.base=B} (default 1). */
  private static final int BASE = Integer.getInteger("hbtrace.base", 1);

  private WorkloadComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: WorkloadComparison SAMPLE_FS_JAR AGENT_JAR [REPEAT] [LATENCY...]"
              + " (default 40, none nvme)");
      System.exit(2);
    }
    Path fsJar = Path.of(args[0]).toAbsolutePath();
    Path agentJar = Path.of(args[1]).toAbsolutePath();
    int repeat = args.length > 2 ? Integer.parseInt(args[2]) : 40;
    List<String> latencies =
        args.length > 3 ? Arrays.asList(args).subList(3, args.length) : List.of("none", "nvme");
    Path work = Files.createTempDirectory("hbtrace-workload-");
    System.out.printf(
        "%-8s %8s %12s %12s %9s %12s %10s   %s%n",
        "latency",
        "repeat",
        "plain ms",
        "agent ms",
        "slowdown",
        "events",
        "events/op",
        "spread: plain, agent, per-round slowdown (min-max)");
    for (String latency : latencies) {
      double[] plain = new double[ROUNDS];
      double[] traced = new double[ROUNDS];
      long events = 0;
      for (int r = 0; r < ROUNDS; r++) {
        plain[r] = run(fsJar, null, latency, repeat) - run(fsJar, null, latency, BASE);
        Path out = work.resolve(latency + "-" + r);
        Path out1 = work.resolve(latency + "-" + r + "-1");
        traced[r] =
            run(fsJar, agent(agentJar, out), latency, repeat)
                - run(fsJar, agent(agentJar, out1), latency, BASE);
        events = EXTRA.contains("format=none") ? 0 : count(out);
      }
      double p = median(plain);
      double t = median(traced);
      double[] ratio = new double[ROUNDS];
      for (int r = 0; r < ROUNDS; r++) {
        ratio[r] = traced[r] / plain[r];
      }
      long ops = 2L * CHILDREN * ITERATIONS * repeat;
      System.out.printf(
          "%-8s %8d %12.1f %12.1f %8.3fx %12d %10.1f   %s, %s, %s%n",
          latency,
          repeat,
          p,
          t,
          t / p,
          events,
          (double) events / ops,
          range(plain, "%.0f"),
          range(traced, "%.0f"),
          range(ratio, "%.2f"));
    }
    System.out.println("traces in " + work);
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

  /** Wall time in ms of one workload JVM. */
  private static double run(Path fsJar, String agent, String latency, int repeat)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (agent != null) {
      cmd.add(agent);
    }
    cmd.addAll(
        List.of(
            "-jar",
            fsJar.toString(),
            "dio-invalidate-cache",
            "--variant",
            "pre-fix",
            "-w",
            "-b",
            "1024",
            "-n",
            Integer.toString(CHILDREN),
            "-i",
            Integer.toString(ITERATIONS),
            "--latency",
            latency,
            "--repeat",
            Integer.toString(repeat)));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("workload timed out: " + cmd);
    }
    return (System.nanoTime() - t0) / 1e6;
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
