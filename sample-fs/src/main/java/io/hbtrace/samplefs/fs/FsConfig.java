package io.hbtrace.samplefs.fs;

import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.fault.CrashPoints;
import io.hbtrace.samplefs.fault.FaultInjector;
import io.hbtrace.samplefs.variant.Variant;

/**
 * How to make and mount one file system: block and page size, device size and latency, the variant,
 * faults, crash points, and the journal start latency knob.
 */
public record FsConfig(
    int blockSize,
    int pageSize,
    long deviceBlocks,
    LatencyProfile latency,
    Variant variant,
    FaultInjector faults,
    CrashPoints crashPoints,
    int journalBlocks,
    long extensionStallNanos) {

  /** ext4's smallest journal (mke2fs never makes a smaller one). */
  public static final int DEFAULT_JOURNAL_BLOCKS = 1024;

  /**
   * Defaults: 4096-byte pages, a 16 MiB device, no latency, no faults, no crash, 1024-block log.
   */
  public static FsConfig of(Variant variant, int blockSize) {
    return new FsConfig(
        blockSize,
        4096,
        (16L << 20) / blockSize,
        LatencyProfile.NONE,
        variant,
        FaultInjector.none(),
        CrashPoints.disabled(),
        DEFAULT_JOURNAL_BLOCKS,
        0);
  }

  public FsConfig withPageSize(int pageSize) {
    return new FsConfig(
        blockSize,
        pageSize,
        deviceBlocks,
        latency,
        variant,
        faults,
        crashPoints,
        journalBlocks,
        extensionStallNanos);
  }

  public FsConfig withDeviceBlocks(long deviceBlocks) {
    return new FsConfig(
        blockSize,
        pageSize,
        deviceBlocks,
        latency,
        variant,
        faults,
        crashPoints,
        journalBlocks,
        extensionStallNanos);
  }

  public FsConfig withLatency(LatencyProfile latency) {
    return new FsConfig(
        blockSize,
        pageSize,
        deviceBlocks,
        latency,
        variant,
        faults,
        crashPoints,
        journalBlocks,
        extensionStallNanos);
  }

  public FsConfig withFaults(FaultInjector faults) {
    return new FsConfig(
        blockSize,
        pageSize,
        deviceBlocks,
        latency,
        variant,
        faults,
        crashPoints,
        journalBlocks,
        extensionStallNanos);
  }

  public FsConfig withCrashPoints(CrashPoints crashPoints) {
    return new FsConfig(
        blockSize,
        pageSize,
        deviceBlocks,
        latency,
        variant,
        faults,
        crashPoints,
        journalBlocks,
        extensionStallNanos);
  }

  public FsConfig withJournalBlocks(int journalBlocks) {
    return new FsConfig(
        blockSize,
        pageSize,
        deviceBlocks,
        latency,
        variant,
        faults,
        crashPoints,
        journalBlocks,
        extensionStallNanos);
  }

  public FsConfig withExtensionStallNanos(long extensionStallNanos) {
    return new FsConfig(
        blockSize,
        pageSize,
        deviceBlocks,
        latency,
        variant,
        faults,
        crashPoints,
        journalBlocks,
        extensionStallNanos);
  }
}
