package io.hbtrace.analyzer.hb;

/**
 * What an event's position in happens-before is, kept for later comparison: the event's thread, its
 * order key, its epoch (its thread's own clock entry at the event) and a snapshot of its thread's
 * clock. The snapshot's entries for other threads are those at the event; its own entry may be
 * older than {@code epoch}, so the snapshot is shared, copy-on-write, by every stamp and lock
 * release of the thread until its clock next learns something from another thread (see {@link
 * SyncClocks}).
 *
 * <p>{@code a} happens-before {@code b} iff they are in one thread and {@code a.seq < b.seq}, or
 * {@code a.epoch} is ≤ {@code b}'s entry for {@code a}'s thread.
 */
public record Stamp(int thread, long seq, int epoch, VectorClock clock) {

  /** True if this event happens-before {@code later} (false for the same event). */
  public boolean happensBefore(Stamp later) {
    return happensBefore(thread, seq, epoch, later.thread, later.seq, later.clock);
  }

  /**
   * The same rule on a stamp's parts, for holders that keep them unboxed: the event of logical
   * thread {@code thread} at {@code seq} in interval {@code epoch} happens-before the event of
   * {@code laterThread} at {@code laterSeq} whose thread's clock was then {@code laterClock}.
   */
  public static boolean happensBefore(
      int thread, long seq, int epoch, int laterThread, long laterSeq, VectorClock laterClock) {
    if (thread == laterThread) {
      return seq < laterSeq;
    }
    return epoch <= laterClock.get(thread);
  }

  /** True if neither happens-before the other. */
  public boolean concurrentWith(Stamp other) {
    return !happensBefore(other) && !other.happensBefore(this);
  }
}
