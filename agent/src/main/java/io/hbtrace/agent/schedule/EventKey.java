package io.hbtrace.agent.schedule;

import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Handoff;

/**
 * What identifies an event across two runs of the same program: its kind, its site (class, method
 * and line), for domain events its field values, and for synchronization events the object they
 * used. Object ids depend on which objects were named first, not only on what the program did, so
 * they are compared as a renaming ({@link ObjectPairs}), not by value.
 */
final class EventKey {
  private static final int FIRST_DOMAIN_CODE = EventKind.DIO_WRITE_BEGIN.code();

  private EventKey() {}

  /** The site as compared between runs: {@code Class#method:line}. */
  static String site(String className, String method, int line) {
    return className + '#' + method + ':' + line;
  }

  /**
   * Whether an event is scheduled: every one but the identity table's own (OBJECT_NEW, OBJECT_FREE:
   * recorded by whichever thread names an object first, or by the collector's housekeeping) and the
   * return from a park (a timed park is a sleep: whether a thread sleeps or spins out a short wait
   * depends on the clock, not on the program). {@code how} is the hand-off's kind.
   */
  static boolean scheduled(int kind, long how) {
    return kind != EventKind.OBJECT_NEW.code()
        && kind != EventKind.OBJECT_FREE.code()
        && !(kind == EventKind.HANDOFF_RECEIVE.code() && how == Handoff.PARK);
  }

  /**
   * The id of the object a synchronization event used, as its fields give it: a lock's, a
   * monitor's, a hand-off's channel, a named volatile field's owner (0 for a static field); 0 for
   * other kinds.
   */
  static long object(int kind, long f0, long f1) {
    if (kind == EventKind.VOLATILE_READ.code() || kind == EventKind.VOLATILE_WRITE.code()) {
      return f1;
    }
    if (kind == EventKind.LOCK_ACQUIRE.code()
        || kind == EventKind.LOCK_RELEASE.code()
        || kind == EventKind.MONITOR_ENTER.code()
        || kind == EventKind.MONITOR_EXIT.code()
        || kind == EventKind.HANDOFF_SEND.code()
        || kind == EventKind.HANDOFF_RECEIVE.code()) {
      return f0;
    }
    return 0;
  }

  /** A hash of the fields that must be equal in both runs (0 for synchronization events). */
  static long fields(int kind, long f0, long f1, long f2, long f3, long f4, long f5) {
    if (kind < FIRST_DOMAIN_CODE) {
      return 0;
    }
    EventKind k = EventKind.ofCode(kind);
    int arity = k == null ? 0 : k.fieldNames().size();
    long h = kind;
    long[] f = {f0, f1, f2, f3, f4, f5};
    for (int i = 0; i < arity; i++) {
      h = (h ^ f[i]) * 0x100000001B3L;
      h ^= h >>> 29;
    }
    return h == 0 ? 1 : h;
  }
}
