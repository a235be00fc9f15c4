package io.hbtrace.samplefs.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.fs.FsConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real threads, real locks: {@code dio-invalidate-cache -w -b 1024 -n 8 -i 4} with the window
 * widened by the extension-stall knob (so a test of bounded length sees the race reliably). pre-fix
 * must corrupt; every fix must not, with the same knob.
 */
class RaceStressTest {
  private static final long STALL_NANOS = 1_000_000;

  private static DioInvalidateCacheOptions opts(String variant, int runs) {
    return new DioInvalidateCacheOptions(
        variant,
        true,
        false,
        false,
        false,
        false,
        1024,
        8,
        4,
        0,
        0,
        runs,
        4096,
        0,
        LatencyProfile.NVME,
        FsConfig.DEFAULT_JOURNAL_BLOCKS,
        STALL_NANOS,
        0,
        0,
        0);
  }

  /**
   * About one run in ten corrupts on a quiet machine, so three come within a few dozen runs; the
   * bound is far above that because a busy machine (other test classes running beside this one) has
   * once needed more than 400.
   */
  @Test
  void preFixReturnsZerosWithinABoundedNumberOfRuns() {
    StringWriter out = new StringWriter();
    DioInvalidateCache helper = new DioInvalidateCache(opts("pre-fix", 1), new PrintWriter(out));
    int failedRuns = 0;
    for (int run = 0; run < 3000 && failedRuns < 3; run++) {
      if (helper.runOnce(run) > 0) {
        failedRuns++;
      }
    }
    assertThat(failedRuns).as("pre-fix corrupts").isEqualTo(3);
    assertThat(out.toString()).contains("FAIL - comparison failed").contains("got 0x00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"upstream", "endio-all", "xfs", "rework-2023"})
  void fixesNeverReturnWrongBytes(String variant) {
    int failed =
        new DioInvalidateCache(opts(variant, 60), new PrintWriter(Writer.nullWriter()))
            .runQuietly();
    assertThat(failed).isZero();
  }
}
