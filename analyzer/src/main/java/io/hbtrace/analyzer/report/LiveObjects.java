package io.hbtrace.analyzer.report;

import io.hbtrace.analyzer.state.TracedObjects;
import io.hbtrace.traces.event.Handoff;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

/**
 * What the export remembers per live object, until its OBJECT_FREE: the role a lock or monitor was
 * given (for slice names), the last send on a hand-off channel (where a receive's flow arrow
 * starts) and the last thread to take a lock (whose slice ends when another thread releases it).
 * Each table holds at most {@value #MAX_OBJECTS} objects; past that it starts afresh, so a trace
 * that never frees its objects cannot make it grow without bound.
 */
final class LiveObjects {
  /** The most objects each table remembers at once. */
  static final int MAX_OBJECTS = 1 << 20;

  /** A role from an OBJECT_ROLE event, with its name resolved. */
  record Role(String name, long owner, long detail) {}

  /** A hand-off send: when, by whom, and whether it was written (a flow can start there). */
  record Send(long seq, int tid, boolean shown) {}

  private final Long2ObjectOpenHashMap<Role> roles = new Long2ObjectOpenHashMap<>();
  private final Long2ObjectOpenHashMap<Send> sends = new Long2ObjectOpenHashMap<>();
  private final Long2IntOpenHashMap holders = new Long2IntOpenHashMap();

  LiveObjects() {
    holders.defaultReturnValue(-1);
  }

  void role(long object, Role role) {
    if (roles.size() >= MAX_OBJECTS && !roles.containsKey(object)) {
      roles.clear();
    }
    roles.put(object, role);
  }

  /** The object's role, or null. */
  Role role(long object) {
    return roles.get(object);
  }

  void send(long channel, Send send) {
    if (sends.size() >= MAX_OBJECTS && !sends.containsKey(channel)) {
      sends.clear();
    }
    sends.put(channel, send);
  }

  /** The last send on the channel, or null. */
  Send lastSend(long channel) {
    return sends.get(channel);
  }

  void taken(long lock, int tid) {
    if (holders.size() >= MAX_OBJECTS && !holders.containsKey(lock)) {
      holders.clear();
    }
    holders.put(lock, tid);
  }

  /** The last thread to take the lock and not yet release it, or -1. */
  int holder(long lock) {
    return holders.get(lock);
  }

  /** The lock was released by {@code tid}: it no longer holds it (others may, if shared). */
  void released(long lock, int tid) {
    if (holders.get(lock) == tid) {
      holders.remove(lock);
    }
  }

  void free(long object) {
    roles.remove(object);
    sends.remove(object);
    sends.remove(TracedObjects.channel(object, Handoff.ELEMENT));
    holders.remove(object);
  }
}
