package io.hbtrace.agent.record;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What each thread holds, as far as the trace has seen, for a recorder attached to a program that
 * was already running. Frames that were running at the attach keep their old code: a lock one of
 * them took was never recorded as acquired, so its release (in a method called after the attach)
 * would be a release with no acquire, and a wait on it would record a release and a re-acquire of a
 * hold the trace never had. Those are left out, so every recorded release follows its acquire.
 *
 * <p>Holds are counted per thread, and per lock over all threads: a {@code Lock} may be given back
 * by a thread other than the one that took it (a {@code StampedLock} view, a lock of the program's
 * own), so a release its thread has no hold for is still recorded while some thread holds the lock
 * as far as the trace knows.
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

  /** Holds of each key over all threads, as far as the trace has seen them. */
  private final Map<Long, AtomicInteger> all = new ConcurrentHashMap<>();

  static long key(long id, int mode) {
    return id << 2 | mode;
  }

  void acquired(long key) {
    threads.get().holds.computeIfAbsent(key, k -> new int[1])[0]++;
    all.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  /** Whether the release of {@code key} pairs with a recorded acquire (and is to be recorded). */
  boolean released(long key) {
    Map<Long, int[]> holds = threads.get().holds;
    int[] n = holds.get(key);
    if (n != null) {
      if (--n[0] == 0) {
        holds.remove(key);
      }
      all.get(key).decrementAndGet();
      return true;
    }
    AtomicInteger held = all.get(key); // a release by a thread other than the acquirer's
    return held != null && held.getAndUpdate(h -> h > 0 ? h - 1 : h) > 0;
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
