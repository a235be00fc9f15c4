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
    Cli runs = Cli.run("explore", "--random", "0");
    assertThat(runs.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void optionsOfTheOtherSearchAreRefused() {
    Cli.run("explore", "--preemptions", "2", "--random", "5")
        .failsWith(ExitCodes.USAGE, "--preemptions and --random exclude each other");
    Cli.run("explore", "--seed", "5").failsWith(ExitCodes.USAGE, "--seed needs --random");
  }
}
