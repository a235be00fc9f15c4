package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code hbtrace explore}, for real: every interleaving (up to two preemptions) of one extending
 * direct write and one buffered read of its page, on the racy ordering and on the upstream fix.
 */
class ExploreCommandTest {

  @Test
  void theRacyOrderingCorruptsSomeInterleavingsAndTheFixNone() {
    Cli r = Cli.run("explore", "--variant", "pre-fix,upstream");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out())
        .contains("every interleaving with at most 2 preemptions")
        .containsPattern("pre-fix +[0-9,]+ +[1-9][0-9,]* +complete")
        .containsPattern("upstream +[0-9,]+ +0 +complete")
        .contains("pre-fix, first corrupt interleaving")
        .contains("verdict: data corrupted in some interleavings of pre-fix");
  }

  @Test
  void badOptionsGetOneLine() {
    Cli unknown = Cli.run("explore", "--variant", "pre-fix,bug-orphan-leak");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("unknown variant 'bug-orphan-leak'");
    Cli bound = Cli.run("explore", "--preemptions", "9");
    assertThat(bound.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bound.oneLineError()).isTrue();
    Cli.run("explore", "--random", "0").failsWith(ExitCodes.USAGE, "--random must be 1-");
    Cli.run("explore", "--random", "99999999999")
        .failsWith(ExitCodes.USAGE, "--random must be 1-1000000000 (got 99999999999)");
    Cli.run("explore", "--max-runs", "-3").failsWith(ExitCodes.USAGE, "--max-runs must be 1-");
  }

  @Test
  void optionsOfTheOtherSearchAreRefused() {
    Cli.run("explore", "--preemptions", "2", "--random", "5")
        .failsWith(ExitCodes.USAGE, "--preemptions and --random exclude each other");
    Cli.run("explore", "--seed", "5").failsWith(ExitCodes.USAGE, "--seed needs --random");
  }

  /** A search cut short claims nothing about the interleavings it did not try. */
  @Test
  void anIncompleteSearchSaysSo() {
    Cli r = Cli.run("explore", "--variant", "upstream", "--max-runs", "1");
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .containsPattern("upstream +1 +0 +stopped at --max-runs")
        .contains(
            "verdict: none of the interleavings tried corrupts data (not every interleaving"
                + " of upstream was tried)")
        .doesNotContain("verdict: no interleaving corrupts data");
  }

  /** A workload that cannot run is a failure to run (4), not a clean verdict. */
  @Test
  void aWorkloadThatCannotRunIsAFailure(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
      throws Exception {
    java.nio.file.Path jar = tmp.resolve("empty.jar");
    try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
      out.putNextEntry(new java.util.jar.JarEntry("x.txt"));
    }
    Cli.run("explore", "--variant", "upstream", "--workload", jar.toString())
        .failsWith(ExitCodes.RUN, "exploring upstream");
  }
}
