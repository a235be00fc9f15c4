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

  private boolean notAJvm(String... mapped) throws Exception {
    StringBuilder maps = new StringBuilder();
    for (String file : mapped) {
      maps.append("7f1e2c000000-7f1e2c1c0000 r-xp 00028000 fd:01 99 ").append(file).append('\n');
    }
    return AttachCommand.notAJvm(Files.writeString(tmp.resolve("maps"), maps));
  }

  @Test
  void aMapWithoutLibjvmIsNotAJvm() throws Exception {
    assertThat(notAJvm("/usr/bin/sleep", "/usr/lib/x86_64-linux-gnu/libc.so.6")).isTrue();
  }

  @Test
  void aMapWithLibjvmIsAJvm() throws Exception {
    assertThat(notAJvm("/usr/bin/java", "/usr/lib/jvm/java-17-openjdk-amd64/lib/server/libjvm.so"))
        .isFalse();
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
