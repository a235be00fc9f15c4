package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * attach to a process that is not a Java VM: told at once (its memory map has no libjvm), not after
 * the attach mechanism's 10-second wait, and the process is left alone.
 */
class AttachCommandTest {
  @TempDir Path tmp;

  @Test
  void aMapWithoutLibjvmIsNotAJvm() throws Exception {
    Path maps =
        Files.writeString(
            tmp.resolve("maps"),
            "55d0c0a00000-55d0c0a02000 r--p 00000000 fd:01 1234 /usr/bin/sleep\n"
                + "7f1e2c000000-7f1e2c1c0000 r-xp 00028000 fd:01 99 /usr/lib/x86_64-linux-gnu/libc.so.6\n");
    assertThat(AttachCommand.notAJvm(maps)).isTrue();
  }

  @Test
  void aMapWithLibjvmIsAJvm() throws Exception {
    Path maps =
        Files.writeString(
            tmp.resolve("maps"),
            "7f1e2c000000-7f1e2d000000 r-xp 00000000 fd:01 77"
                + " /usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so\n");
    assertThat(AttachCommand.notAJvm(maps)).isFalse();
  }

  @Test
  void aMapThatCannotBeReadTellsNothing() {
    assertThat(AttachCommand.notAJvm(tmp.resolve("absent"))).isFalse();
  }

  @Test
  void attachingToAProcessWithoutAJvmFailsInOneLineAndLeavesItRunning() throws Exception {
    Process sleep = new ProcessBuilder("sleep", "60").start();
    try {
      Path out = tmp.resolve("trace");
      Cli r = Cli.run("attach", Long.toString(sleep.pid()), "--out", out.toString());
      r.failsWith(ExitCodes.RUN, "the process is not a Java VM");
      assertThat(r.err()).contains("cannot attach to " + sleep.pid());
      assertThat(sleep.isAlive()).isTrue();
      assertThat(out).doesNotExist();
    } finally {
      sleep.destroy();
    }
  }
}
