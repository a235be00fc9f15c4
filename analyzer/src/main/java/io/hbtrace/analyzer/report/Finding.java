package io.hbtrace.analyzer.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem a check found: what, where (inode), the operations involved on each side, why they
 * are unordered, and whether the corruption actually showed in this run.
 *
 * <p>{@code key} identifies the finding for deduplication: findings of one check with the same key
 * (normally the pair of source sites) are reported once, with a count. A key is made of site ids
 * and words joined by {@code ':'} (e.g. {@code "17:23"} or {@code "17:strict"}); the SARIF report
 * resolves the site ids to source locations for its fingerprints, which must not depend on how one
 * trace happened to number its sites.
 */
public final class Finding {
  private final String check;
  private final Severity severity;
  private final long ino;
  private final String title;
  private final String key;
  private final List<Operation> operations = new ArrayList<>();
  private final List<String> reasons = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private boolean observed;
  private long occurrences = 1;

  public Finding(String check, Severity severity, long ino, String title, String key) {
    this.check = check;
    this.severity = severity;
    this.ino = ino;
    this.title = title;
    this.key = key;
  }

  public Finding operation(Operation op) {
    operations.add(op);
    return this;
  }

  /** Adds a sentence explaining the ordering (or its absence). */
  public Finding reason(String sentence) {
    reasons.add(sentence);
    return this;
  }

  public Finding value(String name, Object value) {
    values.put(name, value);
    return this;
  }

  public Finding observed(boolean showed) {
    this.observed = showed;
    return this;
  }

  void countAnother() {
    occurrences++;
  }

  void addOccurrences(long n) {
    occurrences += n;
  }

  public String check() {
    return check;
  }

  public Severity severity() {
    return severity;
  }

  public long ino() {
    return ino;
  }

  public String title() {
    return title;
  }

  public String key() {
    return key;
  }

  /** The operations in trace order. */
  public List<Operation> operations() {
    List<Operation> sorted = new ArrayList<>(operations);
    sorted.sort(Comparator.comparingLong(Operation::seq));
    return sorted;
  }

  public List<String> reasons() {
    return List.copyOf(reasons);
  }

  public Map<String, Object> values() {
    return Map.copyOf(values);
  }

  /** Values in insertion order (for reports). */
  public Map<String, Object> orderedValues() {
    return new LinkedHashMap<>(values);
  }

  public boolean observed() {
    return observed;
  }

  /** How many times this finding (same check and key) occurred in the trace. */
  public long occurrences() {
    return occurrences;
  }
}
