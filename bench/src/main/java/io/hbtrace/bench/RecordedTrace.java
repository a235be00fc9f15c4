package io.hbtrace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real trace for the benchmarks: the generic/418 workload of sample-fs recorded with the agent in
 * a forked JVM (the agent is attached by {@code -javaagent}, never linked). The jars are found
 * under {@code hbtrace.home} (default: the working directory, the repository root).
 */
final class RecordedTrace {
  private RecordedTrace() {}

  static Path home() {
    return Path.of(System.getProperty("hbtrace.home", ".")).toAbsolutePath();
  }

  /**
   * Records {@code dio-invalidate-cache --variant VARIANT -w -b 1024 -n 8 -i 4 --repeat N} into a
   * new directory under {@code parent}, with extra workload arguments appended.
   */
  static Path record(Path parent, String variant, int repeat, String... extra)
      throws IOException, InterruptedException {
    Path agent = require(home().resolve("agent/target/hbtrace-agent.jar"));
    Path fs = require(home().resolve("sample-fs/target/sample-fs.jar"));
    Path out = parent.resolve(variant + "-" + repeat + "-" + System.nanoTime());
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-javaagent:" + agent + "=out=" + out);
    cmd.add("-jar");
    cmd.add(fs.toString());
    cmd.addAll(
        List.of(
            "dio-invalidate-cache",
            "--variant",
            variant,
            "-w",
            "-b",
            "1024",
            "-n",
            "8",
            "-i",
            "4",
            "--repeat",
            Integer.toString(repeat),
            "--seed",
            "1"));
    cmd.addAll(List.of(extra));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() > 1) {
      p.destroyForcibly();
      throw new IOException(
          "recording failed (exit " + p.exitValue() + "): " + String.join(" ", cmd));
    }
    return out;
  }

  private static Path require(Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IOException(
          jar + " is missing: build first (mvn -DskipTests package), run from the repository root");
    }
    return jar;
  }
}
