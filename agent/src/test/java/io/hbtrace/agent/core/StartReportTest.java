package io.hbtrace.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the agent says whether it started: stderr, or the startResult file instead. */
class StartReportTest {
  @TempDir Path tmp;
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private static Properties read(Path file) throws Exception {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return p;
  }

  @Test
  void withoutStartResultARefusalIsOneLineOnStderr() {
    StartReport report = new StartReport("out=a", err);
    assertThat(report.refused("spec file not found: x", false)).isEqualTo(AgentCore.NOT_RECORDING);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("hbtrace-agent: spec file not found: x; the program runs unrecorded\n");
  }

  @Test
  void withStartResultARefusalGoesToTheFileOnly() throws Exception {
    Path file = tmp.resolve("start.properties");
    StartReport report = new StartReport("out=a,colour=red,startResult=" + file, err);
    assertThat(report.refused("unknown option 'colour'", true)).isEqualTo(AgentCore.EXIT_FAILED);
    assertThat(errBytes.size()).isZero();
    assertThat(read(file))
        .containsEntry("status", "refused")
        .containsEntry("message", "unknown option 'colour'");
  }

  @Test
  void recordingIsReported() throws Exception {
    Path file = tmp.resolve("start.properties");
    new StartReport("out=a,startResult=" + file, err).recording();
    assertThat(read(file)).containsEntry("status", "recording").doesNotContainKey("message");
  }

  @Test
  void anUnwritableStartResultFallsBackToStderr() {
    Path file = tmp.resolve("no/such/dir/start.properties");
    new StartReport("out=a,startResult=" + file, err).refused("bad", false);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .contains("cannot write startResult")
        .contains("hbtrace-agent: bad; the program runs unrecorded");
  }

  /** An empty startResult is refused as an option, in one line on stderr (was two). */
  @Test
  void anEmptyStartResultReportsOnStderr() {
    StartReport report = new StartReport("out=a,startResult=", err);
    report.refused("bad option 'startResult': empty path", false);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "hbtrace-agent: bad option 'startResult': empty path; the program runs unrecorded\n");
  }

  /** A start result that cannot be written says why, then the refusal itself. */
  @Test
  void anUnwritableStartResultSaysWhy() {
    Path file = tmp.resolve("none").resolve("start");
    new StartReport("out=a,startResult=" + file, err).refused("x", false);
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .startsWith(
            "hbtrace-agent: cannot write startResult " + file + ": no such file or directory")
        .endsWith("hbtrace-agent: x; the program runs unrecorded\n");
  }
}
