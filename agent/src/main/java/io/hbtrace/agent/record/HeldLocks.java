package io.hbtrace.agent.record;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What each thread holds, as far as the trace has seen, for a recorder attached to a program that
 * was already running. Frames that were running at the attach keep their old code: a lock one of
 * them took was never recorded as acquired, so its release (in a method called after the attach)
 * would be a release with no acquire, and a wait on it would record a release and a re-acquire of a
 * hold the trace never had. Those are left out, so every recorded release follows its acquire.
 *
 * <p>Keys are a lock's or monitor's identity and mode ({@code id << 2 | mode}, monitors mode 3).
 */
final class HeldLocks {
  static final int MONITOR = 3;

  private static final class PerThread {
    final Map<Long, int[]> holds = new HashMap<>();
    final Set<Long> unseenWaits = new HashSet<>();
  }

  private final ThreadLocal<PerThread> threads = ThreadLocal.withInitial(PerThread::new);

  static long key(long id, int mode) {
    return id << 2 | mode;
  }

  void acquired(long key) {
    threads.get().holds.computeIfAbsent(key, k -> new int[1])[0]++;
  }

  /** Whether the release of {@code key} pairs with a recorded acquire (and is to be recorded). */
  boolean released(long key) {
    Map<Long, int[]> holds = threads.get().holds;
    int[] n = holds.get(key);
    if (n == null) {
      return false;
    }
    if (--n[0] == 0) {
      holds.remove(key);
    }
    return true;
  }

  /** A wait gives up {@code key}: whether to record it; if not, its re-acquire is left out too. */
  boolean waitReleased(long key) {
    if (released(key)) {
      return true;
    }
    threads.get().unseenWaits.add(key);
    return false;
  }

  /** A wait has {@code key} again: whether to record it. */
  boolean waitReacquired(long key) {
    if (threads.get().unseenWaits.remove(key)) {
      return false;
    }
    acquired(key);
    return true;
  }
}
