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
    if (thread == later.thread) {
      return seq < later.seq;
    }
    return epoch() <= later.clock.get(thread);
  }

  /** True if neither happens-before the other. */
  public boolean concurrentWith(Stamp other) {
    return !happensBefore(other) && !other.happensBefore(this);
  }
}
