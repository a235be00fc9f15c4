package io.hbtrace.samplefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrashConsistencyCommandTest {
  @Test
  void correctVariantIsClean() {
    Cli r = Cli.run("crash-consistency", "--variant", "upstream", "--ops", "30");
    assertThat(r.status).isZero();
    assertThat(r.out).contains("upstream").contains("violations=0").contains("unmount-leaks=0");
  }

  @Test
  void seededMistakeIsReported() {
    Cli r = Cli.run("crash-consistency", "--variant", "bug-add-after-alloc", "--ops", "30");
    assertThat(r.status).isEqualTo(1);
    assertThat(r.out).containsPattern("violations=[1-9]").contains("not on the orphan chain");
  }

  @Test
  void badArgumentsAreUsageErrors() {
    assertThat(Cli.run("crash-consistency", "--variant", "nope").status).isEqualTo(2);
    assertThat(Cli.run("crash-consistency", "--ops", "0").status).isEqualTo(2);
    assertThat(Cli.run("crash-consistency", "--fault-rate", "2").status).isEqualTo(2);
    assertThat(Cli.run("crash-consistency", "--crash-points", "-1").errLines()).isEqualTo(1);
    Cli nan = Cli.run("crash-consistency", "--fault-rate", "NaN");
    assertThat(nan.status).isEqualTo(2);
    assertThat(nan.err).contains("--fault-rate must be between 0 and 1 (got NaN)");
    Cli block = Cli.run("crash-consistency", "--block-size", "1000");
    assertThat(block.status).isEqualTo(2);
    assertThat(block.err).contains("--block-size 1000 must be a power of two");
  }
}
