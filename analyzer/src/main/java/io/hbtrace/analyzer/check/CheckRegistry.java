package io.hbtrace.analyzer.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every check, by short name, in one explicit list (no reflection): {@code --checks s2,o1} selects
 * by name, {@code s} or {@code o} selects a family, {@code all} everything.
 */
public final class CheckRegistry {

  /** A registered check: short name, one-line title, and how to build it. */
  public record Entry(String name, String title, Function<CheckContext, Check> factory) {}

  private static final List<Entry> ALL =
      List.of(
          new Entry(
              "s1", "i_size published after the post-IO invalidation", SizeAfterInvalidation::new),
          new Entry(
              "s2",
              "stale-i_size window: a read can cache zeros over new data",
              StaleSizeWindow::new),
          new Entry(
              "s3",
              "page cache disagrees with disk after the write returned",
              CacheDiskIncoherence::new),
          new Entry("s4", "wrong bytes returned to a reader", WrongBytesReturned::new),
          new Entry(
              "s5",
              "size sanity: i_size backwards, i_disksize > i_size, unserialised updates",
              SizeSanity::new),
          new Entry("o1", "orphan leaked: never removed", OrphanLeak::new),
          new Entry(
              "o2", "orphan removed before the short-write truncate", OrphanDelBeforeTruncate::new),
          new Entry(
              "o3",
              "orphan list or i_disksize changed without the inode lock",
              OrphanUnlocked::new),
          new Entry(
              "o4",
              "on-disk orphan removal before the size is durable",
              OrphanDelBeforeDisksize::new),
          new Entry(
              "o5",
              "orphan not removed when delalloc already moved i_disksize",
              OrphanKeptAfterDelalloc::new),
          new Entry("o6", "orphan added after the blocks were allocated", OrphanAddAfterAlloc::new),
          new Entry("ci", "crash-consistency invariant broken at some point", CrashInvariant::new));

  private CheckRegistry() {}

  public static List<Entry> all() {
    return ALL;
  }

  /**
   * The checks named by a comma-separated list of names, families ({@code s}, {@code o}) or {@code
   * all}, in registry order.
   *
   * @throws IllegalArgumentException naming the first unknown name
   */
  public static List<Entry> select(String list) {
    Map<String, Entry> chosen = new LinkedHashMap<>();
    for (String raw : list.split(",")) {
      String name = raw.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("empty check name in '" + list + "'");
      }
      boolean matched = false;
      for (Entry e : ALL) {
        boolean family = name.length() == 1 && e.name().startsWith(name);
        if (name.equals("all") || e.name().equals(name) || family) {
          chosen.put(e.name(), e);
          matched = true;
        }
      }
      if (!matched) {
        throw new IllegalArgumentException(
            "unknown check '" + raw.trim() + "' (known: " + names() + ", s, o, all)");
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("no check selected (known: " + names() + ", s, o, all)");
    }
    List<Entry> ordered = new ArrayList<>();
    for (Entry e : ALL) {
      if (chosen.containsKey(e.name())) {
        ordered.add(e);
      }
    }
    return ordered;
  }

  /** The names of all checks, comma-separated. */
  public static String names() {
    StringBuilder b = new StringBuilder();
    for (Entry e : ALL) {
      b.append(b.length() == 0 ? "" : ",").append(e.name());
    }
    return b.toString();
  }
}
