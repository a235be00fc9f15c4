package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures what it printed. */
record Cli(int exitCode, String out, String err) {

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = HbtraceMain.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Cli(code, out.toString(), err.toString());
  }

  /**
   * Asserts that this run failed with {@code code}, saying so in one line of stderr that contains
   * {@code mentions}.
   */
  Cli failsWith(int code, String mentions) {
    assertThat(exitCode).as(err).isEqualTo(code);
    assertThat(oneLineError()).as(err).isTrue();
    assertThat(err).contains(mentions);
    return this;
  }

  /** The error output is exactly one line and has no stack trace. */
  boolean oneLineError() {
    String e = err.strip();
    return !e.isEmpty() && !e.contains("\n") && !e.contains("\tat ") && !e.contains("Exception");
  }
}
