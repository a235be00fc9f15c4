package io.hbtrace.analyzer.hb;

/**
 * What one relation's clocks keep about one synchronization object: as a lock or monitor, its last
 * exclusive release and the shared releases since; as a hand-off channel, what was sent through it;
 * as the holder of volatile fields, the last writes to each. The caller keeps one per object and
 * relation (so a caller advancing two relations finds the object once per event); only {@link
 * SyncClocks} reads or changes the fields.
 */
public final class ObjectClock {
  /**
   * The last exclusive release's clock (an immutable snapshot, shared with stamps and other
   * releases of its thread), its thread and its epoch; null before the first counted one.
   */
  VectorClock writer;

  int writerThread;
  int writerEpoch;

  /** Shared releases since the last exclusive one, joined; null if none. */
  VectorClock readers;

  /**
   * The last shared releaser, and how much it had learned then (its {@code learned} count): when it
   * releases again having learned nothing since, only its own entry of {@code readers} moves.
   */
  int readerThread;

  int readerLearned;

  /**
   * Hand-offs sent through the object, joined; null before the first counted one. After one send it
   * is the sender's snapshot, shared, and {@code senderThread} (non-zero only then) and {@code
   * senderEpoch} give the sender's own entry, which the snapshot may hold older.
   */
  VectorClock channel;

  int senderThread;
  int senderEpoch;

  /** The volatile fields written so far, a short list (an object has few); null if none. */
  VolatileClock volatiles;

  /** The writes to volatile field {@code field}, or null if it has none. */
  VolatileClock volatileField(int field) {
    for (VolatileClock v = volatiles; v != null; v = v.next) {
      if (v.field == field) {
        return v;
      }
    }
    return null;
  }
}
