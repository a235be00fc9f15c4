package io.hbtrace.samplefs.fault;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Counts the durable steps of one mounted file system and crashes at step {@code crashAt}.
 *
 * <p>A durable step is anything a power cut could separate from the next one: a journal commit and
 * a write of data to the device. At step {@code crashAt} the controller calls the file system's
 * snapshot hook (the durable state as it is <em>before</em> that step) and throws {@link
 * CrashException}; every later step throws too, so nothing after the crash can matter. {@link
 * #counting()} only counts, so a first pass can learn how many steps a run has.
 */
public final class CrashPoints {
  /** Kind of a step: a journal transaction commit. */
  public static final int STEP_COMMIT = 1;

  /** Kind of a step: a data or zeroing write reaching the device. */
  public static final int STEP_DEVICE_WRITE = 2;

  private static final long NEVER = Long.MAX_VALUE;

  /** Id of the file system this controller belongs to (0 until mounted). */
  public long fsId;

  private final long crashAt;
  private final boolean enabled;
  private final ReentrantLock stepLock = new ReentrantLock();
  private long steps;
  private volatile boolean crashed;
  private LongConsumer snapshotHook = step -> {};

  private CrashPoints(boolean enabled, long crashAt) {
    this.enabled = enabled;
    this.crashAt = crashAt;
  }

  /** A controller that does nothing: normal runs. */
  public static CrashPoints disabled() {
    return new CrashPoints(false, NEVER);
  }

  /** Counts steps and never crashes. */
  public static CrashPoints counting() {
    return new CrashPoints(true, NEVER);
  }

  /** Crashes at step {@code step} (1-based): steps 1 … step-1 are durable, step is not. */
  public static CrashPoints at(long step) {
    return new CrashPoints(true, step);
  }

  /** Set by the file system at mount: takes the snapshot of its durable state at a step. */
  public void onCrash(LongConsumer snapshotHook) {
    this.snapshotHook = snapshotHook;
  }

  /**
   * One durable step is about to happen; throws {@link CrashException} if the system crashes here
   * or has crashed already. Callers hold whatever locks order the step (the journal lock for a
   * commit), so the snapshot sees a consistent state.
   */
  public void step(int kind) {
    if (!enabled) {
      return;
    }
    stepLock.lock();
    try {
      if (crashed) {
        throw new CrashException(steps);
      }
      long n = ++steps;
      if (n == crashAt) {
        crash(n);
        throw new CrashException(n);
      }
    } finally {
      stepLock.unlock();
    }
  }

  /** The power cut at {@code step}: snapshot the durable state, then refuse every later step. */
  void crash(long step) {
    snapshotHook.accept(step);
    crashed = true;
  }

  public boolean crashed() {
    return crashed;
  }

  /** Steps counted so far. */
  public long steps() {
    stepLock.lock();
    try {
      return steps;
    } finally {
      stepLock.unlock();
    }
  }
}
