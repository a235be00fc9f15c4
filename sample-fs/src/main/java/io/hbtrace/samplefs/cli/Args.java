package io.hbtrace.samplefs.cli;

import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.journal.Journal;
import io.hbtrace.samplefs.variant.VariantRegistry;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Argument checks shared by the commands; each failure is a one-line usage error (exit 2). */
final class Args {
  static final int MIN_BLOCK = 512;
  static final int MAX_FS_BLOCK = 8192;

  private Args() {}

  static void variant(CommandSpec spec, String name) {
    if (VariantRegistry.byName(name) == null) {
      throw usage(
          spec,
          "unknown variant '"
              + name
              + "' (valid: "
              + String.join(", ", VariantRegistry.names())
              + ")");
    }
  }

  static void pageSize(CommandSpec spec, int pageSize) {
    if (!powerOfTwo(pageSize) || pageSize < 1024 || pageSize > 65536) {
      throw usage(spec, "page size " + pageSize + " must be a power of two in 1024..65536");
    }
  }

  /** A helper block size: power of two, at least 512, at most twice the page size. */
  static void blockSize(CommandSpec spec, String what, int bs, int pageSize) {
    if (!powerOfTwo(bs) || bs < MIN_BLOCK || bs > 2 * pageSize) {
      throw usage(
          spec,
          what
              + " "
              + bs
              + " must be a power of two from "
              + MIN_BLOCK
              + " to "
              + 2 * pageSize
              + " (2 x page size)");
    }
  }

  /** A file system block size: 0 (automatic) or a power of two in 512..8192. */
  static void fsBlockSize(CommandSpec spec, int bs) {
    fsBlockSize(spec, "--fs-block-size", bs);
  }

  /** The same, for an option of another name. */
  static void fsBlockSize(CommandSpec spec, String option, int bs) {
    if (bs != 0 && (!powerOfTwo(bs) || bs < MIN_BLOCK || bs > MAX_FS_BLOCK)) {
      throw usage(spec, option + " " + bs + " must be a power of two from 512 to 8192");
    }
  }

  static void positive(CommandSpec spec, String what, long value) {
    if (value <= 0) {
      throw usage(spec, what + " must be positive, got " + value);
    }
  }

  /** {@code value} in {@code min..max}, or a usage error naming {@code why} the bound is there. */
  static void inRange(CommandSpec spec, String what, long value, long min, long max, String why) {
    if (value < min || value > max) {
      throw usage(
          spec, what + " must be from " + min + " to " + max + " (" + why + "), got " + value);
    }
  }

  /** A rate: from 0 to 1 (NaN is not one). */
  static void rate(CommandSpec spec, String what, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw usage(spec, what + " must be between 0 and 1 (got " + value + ")");
    }
  }

  static void nonNegative(CommandSpec spec, String what, long value) {
    if (value < 0) {
      throw usage(spec, what + " must not be negative, got " + value);
    }
  }

  static void journalBlocks(CommandSpec spec, int blocks) {
    if (blocks < Journal.MIN_LOG_BLOCKS) {
      throw usage(
          spec, "--journal-blocks " + blocks + " must be at least " + Journal.MIN_LOG_BLOCKS);
    }
  }

  static LatencyProfile latency(CommandSpec spec, String name) {
    LatencyProfile p = LatencyProfile.byName(name);
    if (p == null) {
      throw usage(
          spec, "unknown latency profile '" + name + "' (valid: none, async, nvme, ssd, hdd)");
    }
    return p;
  }

  static ParameterException usage(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  static boolean powerOfTwo(long v) {
    return v > 0 && (v & (v - 1)) == 0;
  }
}
