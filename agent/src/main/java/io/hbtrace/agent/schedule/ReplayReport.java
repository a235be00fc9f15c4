package io.hbtrace.agent.schedule;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How a replay went, written at exit to the file the {@code replayResult} option names (a Java
 * properties file that {@code hbtrace replay} reads): {@code status} ({@code followed} or {@code
 * diverged}), {@code followed} and {@code scheduled} events, {@code forced} steps, {@code
 * truncated} (the recording had no end record: the run followed it up to the tear) and {@code
 * divergence}.
 */
final class ReplayReport {
  private final Path file;
  String divergence;
  long followed;
  long scheduled;
  long forced;
  boolean truncated;

  ReplayReport(Path file) {
    this.file = file;
  }

  void write(PrintStream err) {
    Properties p = new Properties();
    p.setProperty("status", divergence == null ? "followed" : "diverged");
    p.setProperty("followed", Long.toString(followed));
    p.setProperty("scheduled", Long.toString(scheduled));
    p.setProperty("forced", Long.toString(forced));
    p.setProperty("truncated", Boolean.toString(truncated));
    if (divergence != null) {
      p.setProperty("divergence", divergence);
    }
    ResultFile.write(file, p, "replay", err);
  }
}
