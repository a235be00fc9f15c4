package io.hbtrace.analyzer.cli;

import java.util.List;

/**
 * The generic/418-style workload that {@code hbtrace demo} records, and that the end-to-end tests
 * and the benchmarks record too: {@code dio-invalidate-cache --variant VARIANT -w -b 1024 -n 8 -i 4
 * --repeat N --seed 1} (sample-fs arguments).
 */
public final class DemoWorkload {
  private DemoWorkload() {}

  /** The sample-fs arguments of {@code repeat} runs on {@code variant}. */
  public static List<String> arguments(String variant, int repeat) {
    return List.of(
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
        "1");
  }
}
