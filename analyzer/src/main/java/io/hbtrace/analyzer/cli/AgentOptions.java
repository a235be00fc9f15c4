package io.hbtrace.analyzer.cli;

import java.nio.file.Path;

/**
 * Builds the option string of the agent ({@code agent/README.md}): {@code out=DIR[,spec=FILE]}, and
 * those of a replay.
 */
final class AgentOptions {
  private AgentOptions() {}

  static String of(Path out, Path spec) throws CliException {
    String o = "out=" + check(out.toAbsolutePath().toString());
    if (spec != null) {
      o += ",spec=" + check(spec.toAbsolutePath().toString());
    }
    return o;
  }

  /**
   * Options of a replay: follow {@code trace}, write how it went to {@code result}, record the new
   * run to {@code out}, with {@code spec} (a file, or a built-in spec's name); stop if the agent
   * cannot start.
   */
  static String replay(Path trace, Path result, Path out, String spec) throws CliException {
    return of(out, null)
        + ",replay="
        + check(trace.toAbsolutePath().toString())
        + ",replayResult="
        + check(result.toAbsolutePath().toString())
        + ",spec="
        + check(spec)
        + ",failOnError=true";
  }

  /** An absolute path for an option value (no commas). */
  static String path(Path p) throws CliException {
    return check(p.toAbsolutePath().toString());
  }

  private static String check(String path) throws CliException {
    if (path.contains(",")) {
      throw new CliException(ExitCodes.USAGE, "the agent cannot take a path with a comma: " + path);
    }
    return path;
  }
}
