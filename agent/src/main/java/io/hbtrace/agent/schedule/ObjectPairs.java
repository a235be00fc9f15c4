package io.hbtrace.agent.schedule;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairs the ids of the objects a recorded run's synchronization events used with the ids the
 * replay's run gives them. Ids are named in first-sight order, which threads racing to their next
 * events can change, so they are compared as a one-to-one renaming, built in schedule order: the
 * first time a recorded id and a live id meet at one event they are paired, and from then on each
 * must meet only the other. Id 0 (no object: a static field's owner) pairs only with 0.
 */
final class ObjectPairs {
  private final Map<Long, Long> byRecorded = new HashMap<>();
  private final Map<Long, Long> byLive = new HashMap<>();

  /** Whether {@code live} can be the object the recording had as {@code recorded}; pairs them. */
  synchronized boolean match(long recorded, long live) {
    if (recorded == 0 || live == 0) {
      return recorded == live;
    }
    Long had = byRecorded.get(recorded);
    Long seen = byLive.get(live);
    if (had == null && seen == null) {
      byRecorded.put(recorded, live);
      byLive.put(live, recorded);
      return true;
    }
    return had != null && had == live && seen != null && seen == recorded;
  }
}
