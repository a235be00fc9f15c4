package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.Scenarios;
import io.hbtrace.analyzer.TraceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCommandTest {
  @TempDir Path tmp;

  @Test
  void packedTraceChecksLikeTheDirectory() throws Exception {
    Path dir = TraceFiles.write(Scenarios.generic418Failure(), tmp.resolve("t"), List.of());
    Path packed = tmp.resolve("t.hbt");
    Cli p = Cli.run("pack", dir.toString(), packed.toString());
    assertThat(p.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(Files.size(packed)).isLessThan(100_000);

    Cli fromDir = Cli.run("check", "--format", "json", dir.toString());
    Cli fromFile = Cli.run("check", "--format", "json", packed.toString());
    assertThat(fromFile.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(fromFile.out().replace(packed.toString(), "X"))
        .isEqualTo(fromDir.out().replace(dir.toString(), "X"));
  }

  @Test
  void refusesToOverwrite() throws Exception {
    Path dir = TraceFiles.write(Scenarios.generic418Failure(), tmp.resolve("t"), List.of());
    Path existing = Files.writeString(tmp.resolve("x.hbt"), "keep me");
    Cli p = Cli.run("pack", dir.toString(), existing.toString());
    assertThat(p.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(p.oneLineError()).isTrue();
    assertThat(Files.readString(existing)).isEqualTo("keep me");
  }

  @Test
  void truncatedPackedFileIsReported() throws Exception {
    Path dir = TraceFiles.write(Scenarios.generic418Failure(), tmp.resolve("t"), List.of());
    Path packed = tmp.resolve("t.hbt");
    Cli.run("pack", dir.toString(), packed.toString());
    byte[] b = Files.readAllBytes(packed);
    Files.write(packed, java.util.Arrays.copyOf(b, b.length / 2));
    Cli r = Cli.run("check", packed.toString());
    assertThat(r.exitCode()).isIn(ExitCodes.TRACE, ExitCodes.FINDINGS, ExitCodes.OK);
    if (r.exitCode() == ExitCodes.TRACE) {
      assertThat(r.oneLineError()).isTrue();
    } else {
      assertThat(r.out()).contains("TRUNCATED");
    }
  }

  @Test
  void aCorruptedTraceIsRefusedNotPacked() throws Exception {
    Path dir = TraceFiles.write(Scenarios.generic418Failure(), tmp.resolve("t"), List.of());
    TraceFiles.corruptEvents(dir);
    Path packed = tmp.resolve("t.hbt");
    Cli.run("pack", dir.toString(), packed.toString()).failsWith(ExitCodes.TRACE, "corrupt");
    assertThat(packed).doesNotExist();
  }

  @Test
  void anUnwritablePlaceIsAnOutputError() throws Exception {
    Path dir = TraceFiles.write(Scenarios.generic418Failure(), tmp.resolve("t"), List.of());
    Path packed = tmp.resolve("no/such/dir/t.hbt");
    Cli.run("pack", dir.toString(), packed.toString())
        .failsWith(ExitCodes.OUTPUT, "cannot write " + packed + ": no such directory");
  }
}
