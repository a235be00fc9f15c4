package io.hbtrace.traces;

/** What is wrong with a trace that cannot be opened or read; one per distinct one-line message. */
public enum Problem {
  /** The path does not exist. */
  NOT_FOUND,
  /**
   * The path exists but is not an hbtrace trace: a directory of other files, another program's
   * Chronicle queue, or a file that is not a packed trace.
   */
  NOT_A_TRACE,
  /** An empty directory, or an empty file. */
  EMPTY,
  /**
   * A trace of a format major version (or a newer minor's event kind) this reader does not know.
   */
  UNSUPPORTED_VERSION,
  /** A record that fails its checksum, a bound check, or the format's rules. */
  CORRUPT,
  /** A Chronicle queue whose writer died while creating it (no usable metadata or no records). */
  HALF_INITIALISED,
  /** The operating system refused (permissions, disk full, missing JVM flags for Chronicle). */
  IO
}
