package io.hbtrace.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link HookCostBenchmark} without and with the agent and prints, per benchmark, ns per call
 * both ways, the difference, and the difference per recorded event. Usage: {@code HookCostRun
 * AGENT_JAR [EXTRA_AGENT_OPTIONS]}; see {@link HookCostBenchmark} for the full command.
 */
public final class HookCostRun {
  /** Events each benchmark's call records with the agent on. */
  private static final Map<String, Integer> EVENTS =
      Map.of(
          "plainCall", 0,
          "monitorEnterExit", 2,
          "lockUnlock", 2,
          "lockUnlockTwoThreads", 2,
          "tracepointWithVolatileWrite", 2,
          "volatileRead", 1);

  private HookCostRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: HookCostRun AGENT_JAR [EXTRA_AGENT_OPTIONS]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path work = Files.createTempDirectory("hbtrace-hook-cost-");
    Path spec = work.resolve("hook-cost.spec");
    try (InputStream in = HookCostRun.class.getResourceAsStream("hook-cost.spec")) {
      Files.copy(in, spec);
    }
    String agent =
        "-javaagent:"
            + jar
            + "=out="
            + work.resolve("trace-{pid}")
            + ",spec="
            + spec
            + (args.length > 1 ? "," + args[1] : "");
    Map<String, Double> plain = run(null);
    Map<String, Double> traced = run(agent);
    System.out.printf(
        "%-30s %12s %12s %10s %8s %12s%n",
        "benchmark", "plain ns", "agent ns", "delta ns", "events", "ns/event");
    for (String b : plain.keySet()) {
      double p = plain.get(b);
      double t = traced.getOrDefault(b, Double.NaN);
      int ev = EVENTS.getOrDefault(b, 0);
      System.out.printf(
          "%-30s %12.1f %12.1f %10.1f %8d %12s%n",
          b, p, t, t - p, ev, ev == 0 ? "-" : String.format("%.1f", (t - p) / ev));
    }
    System.out.println("traces in " + work);
  }

  private static Map<String, Double> run(String agentArg) throws Exception {
    ChainedOptionsBuilder o =
        new OptionsBuilder().include(HookCostBenchmark.class.getName() + ".*");
    if (agentArg != null) {
      o.jvmArgsAppend(agentArg);
    }
    Collection<RunResult> results = new Runner(o.build()).run();
    Map<String, Double> out = new LinkedHashMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      out.put(label.substring(label.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
    }
    return out;
  }
}
