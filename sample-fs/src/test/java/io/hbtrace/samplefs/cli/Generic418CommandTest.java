package io.hbtrace.samplefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Generic418CommandTest {
  @Test
  void fixedVariantPassesTheWholeMatrix() {
    Cli r = Cli.run("generic-418", "--variant", "upstream");
    assertThat(r.status).isZero();
    assertThat(r.out)
        .contains("-w    -wt    -wp    -wF     -r")
        .contains("512 ")
        .contains("8192 ")
        .contains("runs=900 failed=0");
  }

  /**
   * Real threads: with these settings one matrix of 1440 runs fails 0 to 5 times (measured), so one
   * matrix in four or so misses, more on a loaded machine; up to eight tries.
   */
  @Test
  void preFixFailsWithTheKnob() {
    Cli r = null;
    for (int attempt = 0; attempt < 8 && (r == null || r.status != 1); attempt++) {
      r =
          Cli.run(
              "generic-418",
              "--variant",
              "pre-fix",
              "--page-size",
              "2048",
              "--extension-stall-us",
              "3000",
              "--load-factor",
              "2");
    }
    assertThat(r.status).isEqualTo(1);
    assertThat(r.out).containsPattern("failed=[1-9]");
  }

  @Test
  void badLoadFactorIsAUsageError() {
    Cli r = Cli.run("generic-418", "--load-factor", "0");
    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).isEqualTo(1);
    Cli huge = Cli.run("generic-418", "--load-factor", "429496730"); // 10 x L overflows an int
    assertThat(huge.status).isEqualTo(2);
    assertThat(huge.errLines()).isEqualTo(1);
    assertThat(huge.err).contains("--load-factor must be from 1 to 100000000");
  }

  @Test
  void badPageSizeIsAUsageError() {
    Cli r = Cli.run("generic-418", "--page-size", "3000");
    assertThat(r.status).isEqualTo(2);
    assertThat(r.err).contains("page size 3000");
  }
}
