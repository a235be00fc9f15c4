package io.hbtrace.agent.core;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Says whether the agent started: a line on standard error when it does not, or, with option {@code
 * startResult=FILE}, a properties file ({@code status=recording}, or {@code status=refused} and
 * {@code message}) for the tool that loaded the agent ({@code hbtrace record}, {@code hbtrace
 * attach}), which reports it itself: an attached agent's standard error is the target program's.
 */
final class StartReport {
  private final PrintStream err;
  private final String file; // null: report on err

  StartReport(String args, PrintStream err) {
    this.err = err;
    String f = AgentOptions.requested(args, "startResult");
    this.file = f == null || f.isBlank() ? null : f; // an empty one is refused as an option
  }

  void recording() {
    if (file != null) {
      write("recording", null, null);
    }
  }

  /** Reports that the agent does not record, because of {@code message}; returns the status. */
  int refused(String message, boolean failOnError) {
    String line =
        "hbtrace-agent: "
            + message
            + (failOnError ? "; stopping (failOnError=true)" : "; the program runs unrecorded");
    if (file == null) {
      err.println(line);
    } else {
      write("refused", message, line);
    }
    return failOnError ? AgentCore.EXIT_FAILED : AgentCore.NOT_RECORDING;
  }

  private void write(String status, String message, String line) {
    Properties p = new Properties();
    p.setProperty("status", status);
    if (message != null) {
      p.setProperty("message", message);
    }
    try (Writer w = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
      p.store(w, "hbtrace-agent start");
    } catch (IOException | RuntimeException e) {
      String why;
      try {
        why = Outputs.describe(e, Path.of(file));
      } catch (RuntimeException bad) { // not even a path
        why = String.valueOf(e.getMessage());
      }
      err.println("hbtrace-agent: cannot write startResult " + file + ": " + why);
      if (line != null) {
        err.println(line);
      }
    }
  }
}
