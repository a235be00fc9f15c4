package io.hbtrace.samplefs.workload;

import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.fs.FsConfig;

/**
 * Options of {@link DioInvalidateCache}, as the xfstests helper takes them ({@code -w -r -t -p -F
 * -b -n -i -o}) plus the model's own: variant, seed, repeat count, page size, file system block
 * size (default: the helper's block size, at most the page size), device latency, the size of the
 * journal's log, the extension stall knob and the fault rates.
 */
public record DioInvalidateCacheOptions(
    String variant,
    boolean writeDirect,
    boolean readDirect,
    boolean truncate,
    boolean prealloc,
    boolean fill,
    int blockSize,
    int children,
    int iterations,
    long offset,
    long seed,
    int repeat,
    int pageSize,
    int fsBlockSize,
    LatencyProfile latency,
    int journalBlocks,
    long extensionStallNanos,
    double faultRate,
    double invalidationFailureRate,
    double writebackErrorRate) {

  /** The helper's defaults: {@code -b 4096 -n 8 -i 4 -o 0}, one run, pre-fix, an NVMe device. */
  public static DioInvalidateCacheOptions defaults() {
    return new DioInvalidateCacheOptions(
        "pre-fix",
        false,
        false,
        false,
        false,
        false,
        4096,
        8,
        4,
        0,
        0,
        1,
        4096,
        0,
        LatencyProfile.NVME,
        FsConfig.DEFAULT_JOURNAL_BLOCKS,
        0,
        0,
        0,
        0);
  }

  /** The same options for one generic/418 case, e.g. {@code "rwt"}. */
  public DioInvalidateCacheOptions withCase(String flags, int bs, int n, int iters, int runs) {
    return new DioInvalidateCacheOptions(
        variant,
        flags.contains("w"),
        flags.contains("r"),
        flags.contains("t"),
        flags.contains("p"),
        flags.contains("F"),
        bs,
        n,
        iters,
        offset,
        seed,
        runs,
        pageSize,
        fsBlockSize,
        latency,
        journalBlocks,
        extensionStallNanos,
        faultRate,
        invalidationFailureRate,
        writebackErrorRate);
  }

  /** The file system block size in effect: {@code fsBlockSize}, or -b capped at the page size. */
  public int effectiveFsBlockSize() {
    return fsBlockSize > 0 ? fsBlockSize : Math.min(blockSize, pageSize);
  }
}
