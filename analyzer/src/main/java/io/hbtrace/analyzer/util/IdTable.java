package io.hbtrace.analyzer.util;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * A map from object ids to values, for ids the agent hands out densely and in increasing order:
 * pages of {@value #PAGE} direct slots found by page number (the last page used, and recent ones
 * direct-mapped by number, without hashing), a page dropped when its last value goes. Lookups do no
 * hashing in the common case, and memory follows the live values, not the highest id. The page in
 * use stays while it empties and fills again (a thread taking and dropping its only lock), so that
 * costs no allocation.
 *
 * @param <V> the value type
 */
public final class IdTable<V> {
  static final int PAGE = 1024;
  private static final int SHIFT = 10;
  private static final int MASK = PAGE - 1;

  private final Long2ObjectOpenHashMap<Page<V>> pages = new Long2ObjectOpenHashMap<>();
  private Page<V> cached; // the last page used
  private int size;

  /** Recently used pages, direct-mapped by page number, in front of the hash map. */
  private static final int RECENT = 64;

  @SuppressWarnings("unchecked")
  private final Page<V>[] recent = newPages(RECENT);

  /** Emptied pages kept for reuse: ids move on, so pages come and go all the time. */
  private static final int SPARE = 4;

  private final ArrayDeque<Page<V>> spare = new ArrayDeque<>(SPARE);

  @SuppressWarnings("unchecked")
  private static <V> Page<V>[] newPages(int n) {
    return (Page<V>[]) new Page<?>[n];
  }

  private static final class Page<V> {
    long number;
    final Object[] slots = new Object[PAGE];
    int live;

    Page(long number) {
      this.number = number;
    }
  }

  /** The value of {@code id}, or null. */
  @SuppressWarnings("unchecked")
  public V get(long id) {
    Page<V> p = cached; // the common case in a few bytecodes, so the JIT inlines it
    if (p == null || p.number != id >> SHIFT) {
      p = page(id >> SHIFT, false);
      if (p == null) {
        return null;
      }
    }
    return (V) p.slots[(int) (id & MASK)];
  }

  /** Sets the value of {@code id} (not null); returns the previous one, or null. */
  @SuppressWarnings("unchecked")
  public V put(long id, V value) {
    Page<V> p = page(id >> SHIFT, true);
    int i = (int) (id & MASK);
    V old = (V) p.slots[i];
    p.slots[i] = value;
    if (old == null) {
      p.live++;
      size++;
    }
    return old;
  }

  /** Removes the value of {@code id}; returns it, or null. */
  @SuppressWarnings("unchecked")
  public V remove(long id) {
    long number = id >> SHIFT;
    Page<V> p = cached != null && cached.number == number ? cached : find(number);
    if (p == null) {
      return null;
    }
    int i = (int) (id & MASK);
    V old = (V) p.slots[i];
    if (old != null) {
      p.slots[i] = null;
      size--;
      if (--p.live == 0 && p != cached) {
        drop(p);
      }
    }
    return old;
  }

  /** Removes every value; a few emptied pages are kept for reuse (tables are cleared often). */
  public void clear() {
    for (Page<V> p : pages.values()) {
      if (spare.size() == SPARE) {
        break;
      }
      Arrays.fill(p.slots, null);
      p.live = 0;
      spare.push(p);
    }
    pages.clear();
    Arrays.fill(recent, null);
    cached = null;
    size = 0;
  }

  /** The first value (in no particular order) that {@code test} accepts, or null. */
  @SuppressWarnings("unchecked")
  public V find(Predicate<V> test) {
    for (Page<V> p : pages.values()) {
      for (Object v : p.slots) {
        if (v != null && test.test((V) v)) {
          return (V) v;
        }
      }
    }
    return null;
  }

  /** Number of values held. */
  public int size() {
    return size;
  }

  /** Number of pages held: what the table costs in memory. */
  public int pages() {
    return pages.size();
  }

  private Page<V> page(long number, boolean create) {
    if (cached != null) {
      if (cached.number == number) {
        return cached;
      }
      if (cached.live == 0) {
        drop(cached); // emptied while in use: dropped once the table moves on
        cached = null;
      }
    }
    Page<V> p = find(number);
    if (p == null) {
      if (!create) {
        return null;
      }
      p = spare.isEmpty() ? new Page<>(number) : spare.pop(); // an empty page: all slots null
      p.number = number;
      pages.put(number, p);
      recent[(int) number & (RECENT - 1)] = p;
    }
    cached = p;
    return p;
  }

  /**
   * Page {@code number} or null, through the recent pages; it does not become the cached page
   * (removals, of old ids, would otherwise evict the page of the new ones).
   */
  private Page<V> find(long number) {
    int r = (int) number & (RECENT - 1);
    Page<V> p = recent[r];
    if (p == null || p.number != number) {
      p = pages.get(number);
      if (p != null) {
        recent[r] = p;
      }
    }
    return p;
  }

  private void drop(Page<V> p) {
    pages.remove(p.number);
    int r = (int) p.number & (RECENT - 1);
    if (recent[r] == p) {
      recent[r] = null;
    }
    if (spare.size() < SPARE) {
      spare.push(p);
    }
  }
}
