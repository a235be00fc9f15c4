package io.hbtrace.traces.event;

/** Values of the {@code mode} field of {@link LockAcquire} and {@link LockRelease}. */
public final class LockMode {
  /** Exclusive: a plain lock, or the write side of a read-write lock. */
  public static final int EXCLUSIVE = 0;

  /** Shared: the read side of a read-write lock. */
  public static final int SHARED = 1;

  private LockMode() {}

  public static String name(int mode) {
    return mode == SHARED ? "shared" : mode == EXCLUSIVE ? "exclusive" : "mode" + mode;
  }
}
