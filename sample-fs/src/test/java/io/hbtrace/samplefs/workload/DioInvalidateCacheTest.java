package io.hbtrace.samplefs.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.fs.FsConfig;
import io.hbtrace.samplefs.variant.VariantRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases the kernel never fails: block size = page size, and every case with the range set up
 * first (-t, -p, -F), for every variant, on the interrupt-completing device.
 */
class DioInvalidateCacheTest {
  static Iterable<String> variants() {
    return VariantRegistry.names();
  }

  private static DioInvalidateCacheOptions opts(String variant, String flags, int bs, int runs) {
    return opts(variant, flags, bs, runs, 0);
  }

  private static DioInvalidateCacheOptions opts(
      String variant, String flags, int bs, int runs, long offset) {
    return new DioInvalidateCacheOptions(
            variant,
            false,
            false,
            false,
            false,
            false,
            bs,
            8,
            4,
            offset,
            0,
            runs,
            4096,
            0,
            LatencyProfile.NVME,
            FsConfig.DEFAULT_JOURNAL_BLOCKS,
            0,
            0,
            0,
            0)
        .withCase(flags, bs, 8, 4, runs);
  }

  @ParameterizedTest
  @MethodSource("variants")
  void pageSizedBlocksNeverShareAPage(String variant) {
    StringWriter out = new StringWriter();
    int failed = new DioInvalidateCache(opts(variant, "w", 4096, 20), new PrintWriter(out)).run();
    assertThat(failed).isZero();
    assertThat(out.toString()).isEqualTo("runs=20 failed=0" + System.lineSeparator());
  }

  @ParameterizedTest
  @MethodSource("variants")
  void preparedRangesAreNeverExtended(String variant) {
    for (String flags : new String[] {"wt", "wp", "wF", "rwt", "r", "rp"}) {
      StringWriter out = new StringWriter();
      int failed =
          new DioInvalidateCache(opts(variant, flags, 1024, 8), new PrintWriter(out)).run();
      assertThat(failed).as(flags + ": " + out).isZero();
    }
  }

  @Test
  void aChildThatDiesIsAFailedRunNotACleanOne() {
    StringWriter out = new StringWriter();
    long beyondTheModel = 1L << 50; // the extent map's block numbers are ints: a child dies
    int failed =
        new DioInvalidateCache(
                opts("upstream", "w", 1024, 1, beyondTheModel), new PrintWriter(out, true))
            .run();
    assertThat(failed).isEqualTo(1);
    assertThat(out.toString())
        .contains("FAIL - the child died: java.lang.ArithmeticException")
        .endsWith("runs=1 failed=1" + System.lineSeparator());
  }
}
