package io.hbtrace.samplefs.block;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a {@link System#nanoTime()} deadline with microsecond accuracy.
 *
 * <p>{@code LockSupport.parkNanos} overshoots by the kernel's timer slack (50 µs by default on
 * Linux, measured 55–65 µs here), which would turn a 15 µs NVMe completion into 70 µs. So the wait
 * parks only for the part of the delay beyond {@link #SPIN_BELOW_NANOS} and spins the rest.
 */
public final class PreciseWait {
  /** Delays shorter than this are spun, not parked. */
  public static final long SPIN_BELOW_NANOS = 100_000;

  private PreciseWait() {}

  /** Returns at or just after {@code deadline} (a {@code System.nanoTime()} value). */
  public static void until(long deadline) {
    for (; ; ) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      if (left > SPIN_BELOW_NANOS) {
        LockSupport.parkNanos(left - SPIN_BELOW_NANOS);
      } else {
        Thread.onSpinWait();
      }
    }
  }
}
