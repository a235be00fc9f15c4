package io.hbtrace.samplefs.block;

import java.util.Locale;

/**
 * How long the device takes per IO, and where its completions run.
 *
 * <p>{@link #NONE} completes every bio inline in the submitting thread, like the brd RAM disk
 * driver; the others complete on the device's completion thread ({@code blkdev-irq}) after a delay
 * drawn uniformly from {@code [minNanos, maxNanos]}, like an interrupt from real hardware.
 */
public enum LatencyProfile {
  /** No delay; bios complete inline in the submitter (a RAM disk). */
  NONE(0, 0, false),
  /** No delay, but completions run on the device thread (an interrupt without media latency). */
  ASYNC(0, 0, true),
  /** An NVMe SSD: 10–20 µs per IO. */
  NVME(10_000, 20_000, true),
  /** A SATA SSD: 50–100 µs per IO. */
  SSD(50_000, 100_000, true),
  /** A rotating disk: 4–8 ms per IO. */
  HDD(4_000_000, 8_000_000, true);

  final long minNanos;
  final long maxNanos;
  final boolean completesOnDeviceThread;

  LatencyProfile(long minNanos, long maxNanos, boolean completesOnDeviceThread) {
    this.minNanos = minNanos;
    this.maxNanos = maxNanos;
    this.completesOnDeviceThread = completesOnDeviceThread;
  }

  /** The name used on command lines, e.g. {@code nvme}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a command-line name; null if unknown. */
  public static LatencyProfile byName(String name) {
    for (LatencyProfile p : values()) {
      if (p.cliName().equals(name)) {
        return p;
      }
    }
    return null;
  }
}
