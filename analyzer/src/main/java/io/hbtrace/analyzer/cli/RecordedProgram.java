package io.hbtrace.analyzer.cli;

import io.hbtrace.traces.StartRecord;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The program a trace recorded, as its start record names it: main class, arguments and the
 * tracepoint spec. The class path is never taken from a trace: the user names it, except for
 * hbtrace's own model (sample-fs), whose jar hbtrace knows.
 */
record RecordedProgram(String mainClass, List<String> arguments, String spec) {
  static final String SAMPLE_FS_MAIN = "io.hbtrace.samplefs.cli.SampleFsMain";

  static RecordedProgram of(StartRecord start, Path trace) throws CliException {
    if (start.mainClass().isEmpty()) {
      throw new CliException(
          ExitCodes.TRACE,
          trace + " does not say which program it recorded (no main class in its start record)");
    }
    Map<String, String> meta = start.metadata();
    return new RecordedProgram(
        start.mainClass(), start.arguments(), meta.getOrDefault("agent.spec", "builtin:sample-fs"));
  }

  /** The class path to run it from: {@code given}, or the sample-fs jar for sample-fs. */
  String classPath(String given) throws CliException {
    if (given != null) {
      for (String entry : given.split(File.pathSeparator)) {
        // java itself skips a missing entry, and the run would only fail to find the main class
        if (!entry.isEmpty() && !entry.endsWith("*") && !Files.exists(Path.of(entry))) {
          throw new CliException(
              ExitCodes.USAGE, "--classpath: no such file or directory: " + entry);
        }
      }
      return given;
    }
    if (mainClass.equals(SAMPLE_FS_MAIN)) {
      return Home.require(null, Home.sampleFsJar(), "sample-fs jar").toString();
    }
    throw new CliException(
        ExitCodes.USAGE,
        "give --classpath: the trace recorded "
            + mainClass
            + ", and hbtrace never takes a class path from a trace");
  }

  /** The spec to give the agent: a built-in one by name, else {@code given} (required). */
  Path specFile(Path given) throws CliException {
    if (given != null || spec.startsWith("builtin:")) {
      return given;
    }
    throw new CliException(
        ExitCodes.USAGE, "give --spec: the trace was recorded with the spec file " + spec);
  }

  /** {@code Main arg1 arg2 ...}, for messages. */
  String commandLine() {
    List<String> all = new ArrayList<>();
    all.add(mainClass);
    all.addAll(arguments);
    return String.join(" ", all);
  }
}
