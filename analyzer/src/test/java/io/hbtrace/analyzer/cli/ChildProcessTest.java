package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildProcessTest {
  /** JAVA_TOOL_OPTIONS the launcher kept from the CLI's JVM go to the program it runs. */
  @Test
  void theKeptToolOptionsGoBackToTheProgram() {
    Map<String, String> env = new HashMap<>();
    env.put(ChildProcess.KEPT_TOOL_OPTIONS, "-Xmx64m");
    ChildProcess.giveBackToolOptions(env);
    assertThat(env).containsEntry("JAVA_TOOL_OPTIONS", "-Xmx64m").hasSize(1);
    Map<String, String> none = new HashMap<>();
    ChildProcess.giveBackToolOptions(none);
    assertThat(none).isEmpty();
  }
}
