package io.hbtrace.samplefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DioInvalidateCacheCommandTest {
  @Test
  void cleanRunPrintsTheSummaryAndExitsZero() {
    Cli r =
        Cli.run(
            "dio-invalidate-cache", "--variant", "upstream", "-w", "-b", "1024", "--repeat", "3");
    assertThat(r.status).isZero();
    assertThat(r.out).isEqualTo("runs=3 failed=0" + System.lineSeparator());
    assertThat(r.err).isEmpty();
  }

  @Test
  void corruptionPrintsOneLinePerFailureAndExitsOne() {
    Cli r =
        Cli.run(
            "dio-invalidate-cache",
            "--variant",
            "pre-fix",
            "-w",
            "-b",
            "1024",
            "--repeat",
            "300",
            "--extension-stall-us",
            "2000");
    assertThat(r.status).isEqualTo(1);
    assertThat(r.out).containsPattern("run \\d+: \\[\\d:\\d\\] FAIL - comparison failed, offset ");
    assertThat(r.out.lines().reduce((a, b) -> b).orElse("")).matches("runs=300 failed=[1-9]\\d*");
  }

  @Test
  void clusteredHelperFlagsAreAccepted() {
    Cli r = Cli.run("dio-invalidate-cache", "--variant", "xfs", "-rwt", "-b", "2048", "-n", "3");
    assertThat(r.status).isZero();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--variant|nope|unknown variant 'nope'",
        "-b|1000|-b 1000 must be a power of two",
        "-b|256|-b 256 must be a power of two",
        "-b|16384|2 x page size",
        "-n|0|-n must be from 1 to 1024",
        "-n|-3|-n must be from 1 to 1024",
        "-n|100000|-n must be from 1 to 1024",
        "-i|0|-i must be positive",
        "--repeat|0|--repeat must be positive",
        "-o|-512|-o must be from 0 to",
        "-o|1125899906842624|files end at 1 GiB",
        "--extension-stall-us|9223372036854775807|--extension-stall-us must be from 0 to 60000000",
        "--latency|floppy|unknown latency profile",
        "--fs-block-size|3000|--fs-block-size 3000"
      })
  void badArgumentsGetOneLineAndExitTwo(String option, String value, String message) {
    Cli r = Cli.run("dio-invalidate-cache", option, value);
    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).isEqualTo(1);
    assertThat(r.err).contains(message);
    assertThat(r.out).isEmpty();
  }

  @Test
  void injectedFaultsStopTheChildWithoutAComparison() {
    Cli r =
        Cli.run(
            "dio-invalidate-cache",
            "--variant",
            "upstream",
            "-w",
            "-b",
            "1024",
            "--repeat",
            "20",
            "--fault-rate",
            "0.05");
    assertThat(r.status).isEqualTo(1);
    assertThat(r.out).contains("FAIL - write returned");
  }

  @Test
  void faultRateOutsideZeroToOneIsAUsageError() {
    Cli r = Cli.run("dio-invalidate-cache", "--fault-rate", "1.5");
    assertThat(r.status).isEqualTo(2);
    assertThat(r.err.strip()).contains("--fault-rate").doesNotContain("\n");
  }

  @Test
  void fillAndPreallocateTogetherIsAUsageError() {
    Cli r = Cli.run("dio-invalidate-cache", "-F", "-p");
    assertThat(r.status).isEqualTo(2);
    assertThat(r.err).contains("-F and -p");
  }

  @Test
  void unknownVariantListsTheValidNames() {
    Cli r = Cli.run("dio-invalidate-cache", "--variant", "ext3");
    assertThat(r.err).contains("pre-fix").contains("rework-2023").contains("bug-add-after-alloc");
  }
}
