package io.hbtrace.bench;

import io.hbtrace.analyzer.cli.DemoWorkload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real traces for the benchmarks: sample-fs workloads recorded with the agent in a forked JVM (the
 * agent is attached by {@code -javaagent}, never linked). The jars are found under {@code
 * hbtrace.home} (default: the working directory, the repository root).
 */
final class RecordedTrace {
  private RecordedTrace() {}

  static Path home() {
    return Path.of(System.getProperty("hbtrace.home", ".")).toAbsolutePath();
  }

  /**
   * Records {@code dio-invalidate-cache --variant VARIANT -w -b 1024 -n 8 -i 4 --repeat N --seed 1}
   * into a new directory under {@code parent}, with extra workload arguments appended.
   */
  static Path record(Path parent, String variant, int repeat, String... extra)
      throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(DemoWorkload.arguments(variant, repeat));
    args.addAll(List.of(extra));
    return recordWorkload(parent, variant + "-" + repeat, args);
  }

  /** Records {@code java -jar sample-fs.jar ARGS} with the agent into a new directory. */
  static Path recordWorkload(Path parent, String name, List<String> workloadArgs)
      throws IOException, InterruptedException {
    Path agent = require(home().resolve("agent/target/hbtrace-agent.jar"));
    Path fs = require(home().resolve("sample-fs/target/sample-fs.jar"));
    Path out = parent.resolve(name + "-" + System.nanoTime());
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-javaagent:" + agent + "=out=" + out);
    cmd.add("-jar");
    cmd.add(fs.toString());
    cmd.addAll(workloadArgs);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() > 1) {
      p.destroyForcibly();
      throw new IOException("recording failed: " + String.join(" ", cmd));
    }
    return out;
  }

  private static Path require(Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(
          jar + " is missing: build first (mvn -DskipTests package) from the repository root");
    }
    return jar;
  }
}
