package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.util.IdTable;
import io.hbtrace.traces.event.Handoff;
import java.util.function.Predicate;

/**
 * The record of every live object of the trace, by object id. Roles, both relations' clocks and
 * lock holdings all read the same record, and the record found last is kept at hand: the parts of
 * the analysis that look at one event's object find it without another table lookup.
 */
public final class TracedObjects {
  private final IdTable<TracedObject> table = new IdTable<>();
  private TracedObject last; // the record found last, or null
  private boolean elements; // whether a record of an element's channel was ever made

  /** Above every object id: the ids of elements' channels (see {@link #channel}). */
  private static final long ELEMENT = 1L << 62;

  /**
   * The record id of a hand-off's channel: the object's own, or for an element of a thread-safe
   * collection ({@link Handoff#ELEMENT}) one apart from it, so that putting a future into a map is
   * not its completion. Freed with the object ({@link #remove}).
   */
  public static long channel(long object, int how) {
    return how == Handoff.ELEMENT ? object | ELEMENT : object;
  }

  /** The record of {@code id}, or null if the object has none. */
  public TracedObject get(long id) {
    TracedObject o = last; // small enough for the JIT to inline at every caller
    return o != null && o.id == id ? o : find(id);
  }

  private TracedObject find(long id) {
    TracedObject o = table.get(id);
    if (o != null) {
      last = o;
    }
    return o;
  }

  /** The record of {@code id}, created if it has none. */
  public TracedObject getOrAdd(long id) {
    TracedObject o = get(id);
    if (o == null) {
      elements |= (id & ELEMENT) != 0;
      o = new TracedObject(id);
      table.put(id, o);
      last = o;
    }
    return o;
  }

  /**
   * Drops the record of {@code id} (the object is gone); true if it had one. It does not return the
   * record: objects are freed long after their last use, and even a type check of the dropped
   * record would read it back from memory (a null check of the slot does not).
   */
  public boolean remove(long id) {
    if (last != null && (last.id == id || last.id == (id | ELEMENT))) {
      last = null;
    }
    boolean element = elements && table.remove(id | ELEMENT) != null;
    return table.remove(id) != null || element;
  }

  /** The first record (in no particular order) that {@code test} accepts, or null. */
  TracedObject find(Predicate<TracedObject> test) {
    return table.find(test);
  }

  /** Number of records held (for memory tests). */
  public int size() {
    return table.size();
  }
}
