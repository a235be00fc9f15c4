package io.hbtrace.samplefs.cli;

import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.fs.FsConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The model's own options, shared by the workload commands (a picocli mixin). */
final class ModelOptions {
  @Option(
      names = "--page-size",
      defaultValue = "4096",
      description = "Page size (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(
      names = "--fs-block-size",
      defaultValue = "0",
      description = "File system block size (default: the IO block size, at most the page size).")
  int fsBlockSize;

  @Option(
      names = "--latency",
      defaultValue = "nvme",
      description =
          "Device latency: none (RAM disk, inline completion), async, nvme, ssd, hdd"
              + " (default: ${DEFAULT-VALUE}).")
  String latency;

  @Option(
      names = "--journal-blocks",
      defaultValue = "" + FsConfig.DEFAULT_JOURNAL_BLOCKS,
      description =
          "Size of the journal's log in blocks (default: ${DEFAULT-VALUE}); a full log makes a"
              + " handle start wait for a checkpoint.")
  int journalBlocks;

  @Option(
      names = "--extension-stall-us",
      defaultValue = "0",
      description =
          "Knob: the journal start of the size update after a direct write waits this long, as"
              + " on a busy journal; widens pre-fix's window (default: ${DEFAULT-VALUE}).")
  long extensionStallUs;

  @Option(
      names = "--fault-rate",
      defaultValue = "0",
      description =
          "Rate of short writes, direct-IO errors and ENOSPC, seeded per run; a child whose"
              + " write fails stops, as the C helper does (default: ${DEFAULT-VALUE}).")
  double faultRate;

  @Option(
      names = "--writeback-error-rate",
      defaultValue = "0",
      description =
          "Rate of IO errors in buffered writeback (a short direct write's remainder): not"
              + " reported by the write (ext4 returns the bytes) and only by fsync, so a later"
              + " comparison can fail, as in the kernel (default: ${DEFAULT-VALUE}).")
  double writebackErrorRate;

  @Option(
      names = "--invalidation-failure-rate",
      defaultValue = "0",
      description =
          "Rate of pre-IO invalidation failures (-ENOTBLK, buffered fallback), as if a racing"
              + " mmap write dirtied a page; like the kernel's dio_warn_stale_pagecache case,"
              + " this can leave stale pages (default: ${DEFAULT-VALUE}).")
  double invalidationFailureRate;

  /** Validates the options; returns the latency profile. */
  LatencyProfile validate(CommandSpec spec) {
    Args.pageSize(spec, pageSize);
    Args.fsBlockSize(spec, fsBlockSize);
    Args.journalBlocks(spec, journalBlocks);
    Args.inRange(spec, "--extension-stall-us", extensionStallUs, 0, 60_000_000, "a minute at most");
    Args.rate(spec, "--fault-rate", faultRate);
    Args.rate(spec, "--writeback-error-rate", writebackErrorRate);
    Args.rate(spec, "--invalidation-failure-rate", invalidationFailureRate);
    return Args.latency(spec, latency);
  }
}
