package io.hbtrace.analyzer.report;

/** How bad a finding is. */
public enum Severity {
  /** Data can be lost or corrupted. */
  ERROR,
  /** A rule is broken that correct code keeps, without corruption by itself. */
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
