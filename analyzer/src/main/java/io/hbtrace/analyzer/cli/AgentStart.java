package io.hbtrace.analyzer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Whether the agent that {@code record} or {@code attach} loaded started recording: the agent
 * writes it to a file of its {@code startResult} option (instead of the program's standard error),
 * and this reads it back, so that hbtrace reports a refusal in one line with its own exit code.
 */
final class AgentStart implements AutoCloseable {
  private final Path file;

  AgentStart() throws CliException {
    try {
      file = Files.createTempFile("hbtrace-start-", ".properties");
      Files.delete(file); // the agent creates it: an empty file would pass for a report
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.OUTPUT, "cannot create a temporary file: " + e.getMessage(), e);
    }
  }

  /** The agent option that asks for the report. */
  String option() throws CliException {
    return "startResult=" + AgentOptions.path(file);
  }

  /**
   * Returns if the agent reported recording; otherwise throws, with {@code where} it was loaded (""
   * or " in ...") and why it did not record.
   */
  void requireRecording(String where) throws CliException {
    Properties p;
    try {
      p = JavaRun.result(file);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.RUN,
          "the agent did not say whether it started" + where + " (see the program's output)",
          e);
    }
    if (!"recording".equals(p.getProperty("status"))) {
      throw new CliException(
          ExitCodes.RUN,
          "the agent did not start" + where + ": " + p.getProperty("message", "no reason given"));
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file left behind
    }
  }
}
