package io.hbtrace.samplefs.fault;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Seeded fault injection: each kind fires with its own rate, decided by a random stream per thread
 * seeded from the run's seed and the thread's (stable) name, so a run's faults are the same given
 * the seed and each thread's sequence of calls.
 */
public final class FaultInjector {
  /** The device wrote only a block-aligned prefix of a direct write. */
  public static final int SHORT_WRITE = 1;

  /** The device failed a write with -EIO. */
  public static final int IO_ERROR = 2;

  /**
   * Block allocation failed with -ENOSPC: a direct write's or fallocate's allocation, or a buffered
   * write's delayed-allocation reservation (writeback allocates reserved space and never sees it).
   */
  public static final int ENOSPC = 3;

  /** A page could not be invalidated before a direct IO (-ENOTBLK, buffered fallback). */
  public static final int INVALIDATION_FAILURE = 4;

  /**
   * The device failed a writeback (buffered) write with -EIO: its own rate, reported as {@link
   * #IO_ERROR}. The page stays clean with the new data and only fsync reports the error.
   */
  public static final int WRITEBACK_IO_ERROR = 5;

  private final long seed;
  private final double[] rates;
  private final AtomicLongArray injected = new AtomicLongArray(6);
  private final ThreadLocal<SplittableRandom> random;

  private FaultInjector(long seed, double[] rates) {
    this.seed = seed;
    this.rates = rates;
    this.random =
        ThreadLocal.withInitial(
            () -> new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ threadKey()));
  }

  /** No faults at all. */
  public static FaultInjector none() {
    return new FaultInjector(0, new double[6]);
  }

  /**
   * Faults with the given per-kind rates (probability per opportunity, 0 … 1); IO errors hit direct
   * and writeback writes alike.
   */
  public static FaultInjector seeded(
      long seed, double shortWrite, double ioError, double enospc, double invalidation) {
    return seeded(seed, shortWrite, ioError, enospc, invalidation, ioError);
  }

  /** Faults with per-kind rates, writeback IO errors at their own rate. */
  public static FaultInjector seeded(
      long seed,
      double shortWrite,
      double directIoError,
      double enospc,
      double invalidation,
      double writebackIoError) {
    return new FaultInjector(
        seed, new double[] {0, shortWrite, directIoError, enospc, invalidation, writebackIoError});
  }

  private static long threadKey() {
    return Thread.currentThread().getName().hashCode();
  }

  /**
   * Whether fault {@code what} fires at this opportunity (an IO or allocation of file {@code ino}
   * at {@code pos}); when it does, {@link #inject} records it.
   */
  public boolean shouldFail(int what, long ino, long pos) {
    double rate = rates[what];
    if (rate <= 0 || random.get().nextDouble() >= rate) {
      return false;
    }
    inject(what == WRITEBACK_IO_ERROR ? IO_ERROR : what, ino, pos);
    return true;
  }

  /** A fault of kind {@code what} was injected into the IO of file {@code ino} at {@code pos}. */
  public void inject(int what, long ino, long pos) {
    injected.incrementAndGet(what);
  }

  /**
   * A value in {@code [0, bound)} from this thread's fault stream (e.g. a short write's length).
   */
  public int pick(int bound) {
    return bound <= 1 ? 0 : random.get().nextInt(bound);
  }

  /** How many faults of kind {@code what} were injected. */
  public long injected(int what) {
    return injected.get(what);
  }

  public long seed() {
    return seed;
  }
}
