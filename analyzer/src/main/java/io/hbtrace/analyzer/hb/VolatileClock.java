package io.hbtrace.analyzer.hb;

/**
 * The last two writes to one volatile field of one object, in one relation: for each, the value
 * written, the writer's snapshot (shared with its stamps and releases), and the writer's logical
 * thread and epoch, which the snapshot may hold older. Kept in the object's {@link ObjectClock}, a
 * short list by field; only {@link SyncClocks} reads or changes the fields.
 */
final class VolatileClock {
  final int field;

  /** The object's next volatile field with writes, or null. */
  final VolatileClock next;

  long lastValue;
  VectorClock last;
  int lastThread;
  int lastEpoch;
  long previousValue;
  VectorClock previous;
  int previousThread;
  int previousEpoch;

  VolatileClock(int field, VolatileClock next) {
    this.field = field;
    this.next = next;
  }
}
