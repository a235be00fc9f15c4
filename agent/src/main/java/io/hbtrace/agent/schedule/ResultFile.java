package io.hbtrace.agent.schedule;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Writes a scheduled run's result, a properties file the CLI reads; a failure is one line. */
final class ResultFile {
  private ResultFile() {}

  static void write(Path file, Properties p, String what, PrintStream err) {
    if (file == null) {
      return;
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      p.store(out, "hbtrace " + what + " result");
    } catch (IOException | RuntimeException e) {
      err.println("hbtrace-agent: cannot write the " + what + " result to " + file + ": " + e);
    }
  }
}
