package io.hbtrace.analyzer.hb;

/**
 * What an event's position in happens-before is, kept for later comparison: the event's thread, its
 * order key, and a snapshot of its thread's clock when it happened.
 *
 * <p>{@code a} happens-before {@code b} iff they are in one thread and {@code a.seq < b.seq}, or
 * {@code a}'s own clock entry is ≤ {@code b}'s entry for {@code a}'s thread. The snapshot is
 * shared, copy-on-write, between the stamps of one thread's interval (see {@link SyncClocks}).
 */
public record Stamp(int thread, long seq, VectorClock clock) {

  /** The entry of the stamping thread at the event: its epoch. */
  public int epoch() {
    return clock.get(thread);
  }

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
