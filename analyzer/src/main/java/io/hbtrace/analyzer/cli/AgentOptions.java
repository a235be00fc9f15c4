package io.hbtrace.analyzer.cli;

import java.nio.file.Path;

/** Builds the option string of the agent ({@code agent/README.md}): {@code out=DIR[,spec=FILE]}. */
final class AgentOptions {
  private AgentOptions() {}

  static String of(Path out, Path spec) throws CliException {
    String o = "out=" + check(out.toAbsolutePath().toString());
    if (spec != null) {
      o += ",spec=" + check(spec.toAbsolutePath().toString());
    }
    return o;
  }

  private static String check(String path) throws CliException {
    if (path.contains(",")) {
      throw new CliException(ExitCodes.USAGE, "the agent cannot take a path with a comma: " + path);
    }
    return path;
  }
}
