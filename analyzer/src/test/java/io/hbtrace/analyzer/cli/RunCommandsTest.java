package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How record, attach and demo fail when what they run is missing or wrong: one line each. */
class RunCommandsTest {
  @TempDir Path tmp;

  @Test
  void recordNeedsAJavaCommand() {
    Cli r = Cli.run("record", "--out", tmp.resolve("t").toString(), "--", "python3", "x.py");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.oneLineError()).isTrue();
  }

  @Test
  void recordNeedsTheAgentJar() {
    Cli r =
        Cli.run(
            "record",
            "--out",
            tmp.resolve("t").toString(),
            "--agent",
            tmp.resolve("none.jar").toString(),
            "--",
            "java",
            "-version");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUN);
    assertThat(r.oneLineError()).isTrue();
    assertThat(r.err()).contains("agent jar not found");
  }

  @Test
  void recordNeedsOut() {
    Cli r = Cli.run("record", "--", "java", "-version");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.oneLineError()).isTrue();
  }

  @Test
  void attachToANonexistentProcess() {
    Cli r =
        Cli.run(
            "attach",
            "999999999",
            "--out",
            tmp.resolve("t").toString(),
            "--agent",
            tmp.resolve("none.jar").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUN);
    assertThat(r.oneLineError()).isTrue();
  }

  @Test
  void demoNeedsItsJars() {
    Cli r = Cli.run("demo", "--agent", tmp.resolve("none.jar").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUN);
    assertThat(r.oneLineError()).isTrue();
  }

  @Test
  void demoRejectsANonPositiveRepeat() {
    Cli r = Cli.run("demo", "--repeat", "0");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.oneLineError()).isTrue();
  }
}
