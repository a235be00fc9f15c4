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
  }
}
