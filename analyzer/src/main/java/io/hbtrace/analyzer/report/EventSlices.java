package io.hbtrace.analyzer.report;

import io.hbtrace.traces.event.EventKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which event kinds open and close a slice on their thread: an operation's begin and end, a lock
 * acquire and release, a monitor enter and exit. The two events of a pair carry the same key in
 * their first field (inode, operation, run, lock or monitor).
 */
final class EventSlices {
  /** A kind's part in a pair: the kind that opens the slice, and whether this kind does. */
  record Pair(EventKind begin, boolean begins) {}

  private static final Map<EventKind, Pair> PAIRS = new EnumMap<>(EventKind.class);

  static {
    pair(EventKind.LOCK_ACQUIRE, EventKind.LOCK_RELEASE);
    pair(EventKind.MONITOR_ENTER, EventKind.MONITOR_EXIT);
    pair(EventKind.RUN_BEGIN, EventKind.RUN_END);
    pair(EventKind.OP_BEGIN, EventKind.OP_END);
    pair(EventKind.DIO_WRITE_BEGIN, EventKind.DIO_WRITE_END);
    pair(EventKind.DIO_READ_BEGIN, EventKind.DIO_READ_END);
    pair(EventKind.BUFFERED_READ_BEGIN, EventKind.BUFFERED_READ_END);
    pair(EventKind.BUFFERED_WRITE_BEGIN, EventKind.BUFFERED_WRITE_END);
    pair(EventKind.TRUNCATE_BEGIN, EventKind.TRUNCATE_END);
  }

  private EventSlices() {}

  private static void pair(EventKind begin, EventKind end) {
    PAIRS.put(begin, new Pair(begin, true));
    PAIRS.put(end, new Pair(begin, false));
  }

  /** True for the kinds that take a lock or monitor, which another thread may release. */
  static boolean isHold(EventKind begin) {
    return begin == EventKind.LOCK_ACQUIRE || begin == EventKind.MONITOR_ENTER;
  }

  /** The kind's part in a pair, or null if it opens or closes no slice. */
  static Pair pair(EventKind k) {
    return PAIRS.get(k);
  }
}
