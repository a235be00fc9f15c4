package io.hbtrace.analyzer.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects findings, one per check and key. When the same finding occurs again it is counted; an
 * occurrence where the corruption actually showed replaces one where it did not, so the report
 * shows the most convincing instance.
 */
public final class Findings {
  private final Map<String, Finding> byKey = new LinkedHashMap<>();

  public void add(Finding f) {
    String k = key(f.check(), f.key());
    Finding old = byKey.get(k);
    if (!supersedes(f.observed(), old)) {
      old.countAnother();
      return;
    }
    if (old != null) {
      f.addOccurrences(old.occurrences());
    }
    byKey.put(k, f);
  }

  /**
   * Counts one more occurrence of the finding reported under {@code check} and {@code key}, unless
   * there is none yet or this one is more convincing ({@code observed} where the reported one is
   * not). True if counted: the caller then need not build the finding at all, which keeps the
   * building, strings and all, off the path a check takes on every occurrence.
   */
  public boolean countAgain(String check, String key, boolean observed) {
    Finding old = byKey.get(key(check, key));
    if (supersedes(observed, old)) {
      return false;
    }
    old.countAnother();
    return true;
  }

  /**
   * Whether a new occurrence, {@code observed} or not, is reported in place of {@code old} (null:
   * none yet): the first one is, and one where the corruption showed beats one where it did not.
   */
  private static boolean supersedes(boolean observed, Finding old) {
    return old == null || (observed && !old.observed());
  }

  /** True if a finding with this check and key was already reported. */
  public boolean has(String check, String key) {
    return byKey.containsKey(key(check, key));
  }

  private static String key(String check, String key) {
    return check + "\u0000" + key;
  }

  public List<Finding> all() {
    return new ArrayList<>(byKey.values());
  }

  public boolean isEmpty() {
    return byKey.isEmpty();
  }

  public int size() {
    return byKey.size();
  }
}
