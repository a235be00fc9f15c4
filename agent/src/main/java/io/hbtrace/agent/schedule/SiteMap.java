package io.hbtrace.agent.schedule;

import io.hbtrace.traces.event.EventKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The live run's site ids against a recorded run's site keys: ids are given out as classes are
 * instrumented, in an order that differs between runs, so sites are compared by {@link
 * EventKey#site} keys. Reads are lock-free; definitions are synchronized.
 */
final class SiteMap {
  private final Map<String, Integer> recordedIndex = new HashMap<>();
  private volatile int[] index = new int[256];
  private volatile String[] keys = new String[256];

  /** {@code recordedKeys[i]} is the key of recorded site index {@code i} (0: unknown). */
  SiteMap(String[] recordedKeys) {
    for (int i = 1; i < recordedKeys.length; i++) {
      recordedIndex.put(recordedKeys[i], i);
    }
    Arrays.fill(index, -1);
  }

  synchronized void define(int site, String className, String method, int line) {
    int[] ix = index;
    String[] k = keys;
    if (site >= ix.length) {
      int old = ix.length;
      ix = Arrays.copyOf(ix, Math.max(site + 1, old * 2));
      Arrays.fill(ix, old, ix.length, -1);
      k = Arrays.copyOf(k, ix.length);
    }
    String key = EventKey.site(className, method, line);
    ix[site] = recordedIndex.getOrDefault(key, -1);
    k[site] = key;
    keys = k;
    index = ix;
  }

  /** The recorded site index of live site {@code site}; -1 if the recording has no such site. */
  int index(int site) {
    int[] ix = index;
    return site >= 0 && site < ix.length ? ix[site] : -1;
  }

  /** A live event for a message: {@code LOCK_ACQUIRE at Class#method:line}. */
  String describe(int kind, int site) {
    EventKind k = EventKind.ofCode(kind);
    String[] k2 = keys;
    String key = site > 0 && site < k2.length ? k2[site] : null;
    return (k == null ? "kind " + kind : k.name())
        + " at "
        + (key == null ? "an unknown site" : key);
  }
}
