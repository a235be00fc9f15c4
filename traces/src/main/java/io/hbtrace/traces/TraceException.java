package io.hbtrace.traces;

import java.nio.file.Path;

/**
 * A trace could not be written, opened or read. The message is one line naming the path and the
 * problem, fit to print to a user as it is; {@link #problem()} tells the kind for exit codes.
 */
public final class TraceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Problem problem;

  public TraceException(Problem problem, Path path, String detail) {
    this(problem, path, detail, null);
  }

  public TraceException(Problem problem, Path path, String detail, Throwable cause) {
    super(oneLine(path + ": " + describe(problem) + ": " + detail), cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  private static String describe(Problem p) {
    return switch (p) {
      case NOT_FOUND -> "not found";
      case NOT_A_TRACE -> "not an hbtrace trace";
      case EMPTY -> "empty";
      case UNSUPPORTED_VERSION -> "unsupported trace version";
      case CORRUPT -> "corrupt trace";
      case HALF_INITIALISED -> "half-initialised trace";
      case IO -> "I/O error";
    };
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}
