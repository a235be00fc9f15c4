package io.hbtrace.agent.core;

import io.hbtrace.agent.bridge.TraceControl;
import io.hbtrace.agent.record.Problems;
import io.hbtrace.agent.record.RotatingOutput;
import io.hbtrace.agent.record.StartInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers {@link TraceControl#begin}: switches the recording to a fresh trace {@code
 * OUT.tests/NAME/} (NAME made file-safe, with {@code -2}, {@code -3}, … if taken), whose start
 * record carries the program's and adds {@code test=NAME}.
 */
final class PerTestTraces implements TraceControl.Handler {
  private final RotatingOutput out;
  private final AgentOptions options;
  private final StartInfo start;
  private final Problems problems;
  private final Path testsDir;

  PerTestTraces(RotatingOutput out, AgentOptions options, StartInfo start, Problems problems) {
    this.out = out;
    this.options = options;
    this.start = start;
    this.problems = problems;
    Path o = options.out().toAbsolutePath();
    this.testsDir = o.resolveSibling(o.getFileName() + ".tests");
  }

  static String fileSafe(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._#$-]", "_");
    return s.isEmpty() ? "test" : s.length() > 200 ? s.substring(0, 200) : s;
  }

  @Override
  public synchronized String begin(String name) {
    try {
      String base = fileSafe(name);
      Path dir = testsDir.resolve(base);
      for (int i = 2; Files.exists(dir); i++) {
        dir = testsDir.resolve(base + "-" + i);
      }
      Map<String, String> meta = new LinkedHashMap<>(start.metadata());
      meta.put("test", name);
      StartInfo s =
          new StartInfo(
              start.producer(),
              start.producerVersion(),
              start.mainClass(),
              start.arguments(),
              meta);
      Path target = dir;
      out.rotate(() -> Outputs.open(target, options.format(), s));
      return dir.toString();
    } catch (Exception e) {
      problems.once("cannot start the trace of test " + name + ": " + e.getMessage());
      return null;
    }
  }
}
