package io.hbtrace.agent.schedule;

import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Handoff;

/**
 * What identifies an event across two runs of the same program: its kind, its site (class, method
 * and line) and, for domain events, its field values. Synchronization events are compared by kind
 * and site only: the ids of their objects depend on which objects were named first, not on what the
 * program did.
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
