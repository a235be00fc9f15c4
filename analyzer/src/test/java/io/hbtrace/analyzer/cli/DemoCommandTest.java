package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, for real: records both variants with the agent jar the reactor built, checks both. */
class DemoCommandTest {
  @TempDir Path tmp;

  @Test
  void racyVariantFlaggedFixClean() {
    Cli r = Cli.run("demo", "--out", tmp.resolve("demo").toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("== pre-fix ==")
        .contains("S2 error  stale-i_size window")
        .contains("== upstream ==")
        .contains("check: clean")
        .contains("verdict: pre-fix has the stale-i_size window; the upstream fix is clean.");
    assertThat(tmp.resolve("demo/pre-fix")).isDirectory();
    assertThat(Files.exists(tmp.resolve("demo/upstream"))).isTrue();
  }

  @Test
  void refusesAnOutputThatAlreadyHoldsATrace() throws Exception {
    Files.createDirectories(tmp.resolve("demo/pre-fix"));
    Cli r = Cli.run("demo", "--repeat", "1", "--out", tmp.resolve("demo").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.oneLineError()).isTrue();
  }

  @Test
  void anOutputUnderARegularFileIsAnOutputError() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Cli.run("demo", "--repeat", "1", "--out", file.resolve("demo").toString())
        .failsWith(ExitCodes.OUTPUT, "cannot write " + file.resolve("demo") + ": not a directory");
  }
}
