package io.hbtrace.agent.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nested jars a killed JVM left behind are removed by a later start, and only those. */
class LeftoverSweepTest {
  @TempDir Path tmp;

  private Path dir(String name, Duration age) throws Exception {
    Path d = Files.createDirectory(tmp.resolve(name));
    Files.writeString(d.resolve("core.jar"), "jar");
    Files.setLastModifiedTime(d, FileTime.from(Instant.now().minus(age)));
    return d;
  }

  @Test
  void onlyOldDirectoriesOfDeadProcessesGo() throws Exception {
    long dead = deadPid();
    Path killed = dir("hbtrace-agent-" + dead + "-1234", Duration.ofHours(1));
    Path legacy = dir("hbtrace-agent-56789012345", Duration.ofDays(2)); // an older agent's name
    Path legacyRecent = dir("hbtrace-agent-98765432109", Duration.ofHours(1));
    Path fresh =
        dir("hbtrace-agent-" + dead + "-5678", Duration.ZERO); // may be another's, starting
    Path mine = dir("hbtrace-agent-" + ProcessHandle.current().pid() + "-1", Duration.ofHours(1));
    Path other = dir("something-else", Duration.ofHours(1));

    AgentEntry.sweepLeftovers(tmp, Duration.ofMinutes(10));

    assertThat(killed).doesNotExist();
    assertThat(legacy).doesNotExist();
    assertThat(legacyRecent).exists(); // no pid to ask: it may still be in use
    assertThat(fresh).exists();
    assertThat(mine).exists();
    assertThat(other).exists();
  }

  private static long deadPid() {
    for (long pid = 4_000_000; ; pid++) { // above Linux's default pid_max
      if (ProcessHandle.of(pid).isEmpty()) {
        return pid;
      }
    }
  }
}
