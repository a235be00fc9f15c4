package io.hbtrace.analyzer.cli;

/** The CLI's exit codes, one meaning each. */
public final class ExitCodes {
  /** Done; for {@code check}: no findings. */
  public static final int OK = 0;

  /** {@code check} (or {@code demo}) found problems. */
  public static final int FINDINGS = 1;

  /** Bad command line: unknown option or check, missing argument, bad value. */
  public static final int USAGE = 2;

  /** The trace cannot be read: missing, empty, foreign, corrupt, unsupported version. */
  public static final int TRACE = 3;

  /**
   * A program hbtrace had to run (record, attach, demo) failed or is missing, or the agent it
   * loaded did not start.
   */
  public static final int RUN = 4;

  /**
   * An output cannot be written: a file or directory hbtrace writes ({@code export --out}, {@code
   * pack}, {@code demo --out}), or standard output (closed or full).
   */
  public static final int OUTPUT = 5;

  /** {@code replay}: the run did not follow the recording (it diverged, and was let run free). */
  public static final int DIVERGED = 6;

  /** The JVM ran out of heap (the message says how to give it more). */
  public static final int MEMORY = 7;

  /** A bug in hbtrace itself. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
