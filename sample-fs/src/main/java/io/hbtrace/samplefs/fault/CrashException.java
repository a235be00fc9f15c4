package io.hbtrace.samplefs.fault;

/**
 * Thrown at a crash point, and at every durable step after it, so that every thread working in the
 * crashed file system unwinds (releasing its locks) and the workload can recover the snapshot.
 */
public final class CrashException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The step at which the file system crashed. */
  public final long step;

  public CrashException(long step) {
    super("crashed at step " + step, null, false, false);
    this.step = step;
  }
}
