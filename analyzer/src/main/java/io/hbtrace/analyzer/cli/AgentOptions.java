package io.hbtrace.analyzer.cli;

import java.nio.file.Path;

/**
 * Builds the option string of the agent ({@code agent/README.md}): {@code out=DIR[,spec=FILE]}, and
 * those of a replay.
 */
final class AgentOptions {
  private AgentOptions() {}

  static String of(Path out, Path spec) throws CliException {
    String o = "out=" + path(named("--out", out));
    if (spec != null) {
      String s = named("--spec", spec).toString();
      o += ",spec=" + (s.startsWith(BUILTIN) ? check(s) : path(spec));
    }
    return o;
  }

  /** The agent's name for its built-in specs, as {@code --spec builtin:sample-fs}. */
  private static final String BUILTIN = "builtin:";

  /** {@code p}, unless it is empty or begins or ends with a blank (which the agent trims away). */
  private static Path named(String option, Path p) throws CliException {
    String s = p.toString();
    if (s.isEmpty()) {
      throw new CliException(ExitCodes.USAGE, option + " is empty");
    }
    if (!s.equals(s.strip())) {
      throw new CliException(ExitCodes.USAGE, option + " begins or ends with a blank: '" + s + "'");
    }
    return p;
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
