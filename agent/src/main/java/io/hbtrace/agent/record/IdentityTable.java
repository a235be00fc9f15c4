package io.hbtrace.agent.record;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * Dense, stable long ids (>= 1) for objects, held weakly: the id of an object never changes and is
 * never reused while the object lives, and it does not keep the object alive.
 *
 * <p>An open-addressing table keyed by {@code identityHashCode} (which only picks the slot;
 * equality is by reference). Lookups take no lock: they read the current array, whose entries are
 * immutable (final fields) and replaced, never mutated. Inserts, replacements and rebuilds take the
 * table's lock; a lookup racing with one misses and retries under the lock. The load factor stays
 * at or below 1/2, so a probe always reaches an empty slot.
 *
 * <p>An object can be an <em>alias</em> of another (a read-write lock's read view shares the lock's
 * id; a future shares its task's id): its entry carries the target's id and its own lock mode. Only
 * the entry that owns an id reports its birth ({@link Listener#born}) and death ({@link
 * Listener#freed}, when {@link #expunge} finds its reference cleared).
 */
final class IdentityTable {

  /** Told about ids as they are assigned and as their objects die. */
  interface Listener {
    void born(long id, Object o);

    void freed(long id);
  }

  /** Maps an object to the object whose id it shares, and gives its lock mode. */
  interface Canonicalizer {
    /** The object {@code o}'s id belongs to ({@code o} itself when it is not a view). */
    Object canonical(Object o);

    int mode(Object o);
  }

  /** One object's row; immutable. */
  static final class Entry extends WeakReference<Object> {
    final int hash;
    final long id;
    final int mode;
    final boolean owner;

    /** String id of the spec-named atomic field this object was loaded from, or 0. */
    final int field;

    /** Identity of the object holding that field (0 for a static field). */
    final long fieldOwner;

    Entry(
        Object o,
        int hash,
        long id,
        int mode,
        boolean owner,
        int field,
        long fieldOwner,
        ReferenceQueue<Object> q) {
      super(o, q);
      this.hash = hash;
      this.id = id;
      this.mode = mode;
      this.owner = owner;
      this.field = field;
      this.fieldOwner = fieldOwner;
    }

    /** Set when a newer entry replaced this one: its death is not reported. */
    volatile boolean replaced;
  }

  private final Listener listener;
  private final Canonicalizer canon;
  private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
  private volatile Entry[] table = new Entry[1 << 12];
  private int used; // slots holding an entry, live or dead (under the lock)
  private int dead; // entries whose referent was cleared (under the lock)
  private long nextId = 1;

  IdentityTable(Listener listener, Canonicalizer canon) {
    this.listener = listener;
    this.canon = canon;
  }

  private static int slot(int hash, int mask) {
    return (hash ^ (hash >>> 16)) & mask;
  }

  /** The id of {@code o}; 0 for null. */
  long id(Object o) {
    return o == null ? 0 : entry(o).id;
  }

  /** The entry of {@code o} (not null), assigning an id on first sight. */
  Entry entry(Object o) {
    Entry e = find(table, o, System.identityHashCode(o));
    return e != null ? e : insert(o);
  }

  /** The entry of {@code o} if it has one, without assigning. */
  Entry lookup(Object o) {
    Entry e = find(table, o, System.identityHashCode(o));
    if (e == null) {
      synchronized (this) {
        e = find(table, o, System.identityHashCode(o));
      }
    }
    return e;
  }

  private static Entry find(Entry[] t, Object o, int h) {
    int mask = t.length - 1;
    for (int i = slot(h, mask); ; i = (i + 1) & mask) {
      Entry e = t[i];
      if (e == null) {
        return null;
      }
      if (e.hash == h && e.get() == o) {
        return e;
      }
    }
  }

  private Entry insert(Object o) {
    Object c = o;
    int mode = 0;
    try {
      c = canon.canonical(o);
      mode = canon.mode(o);
    } catch (RuntimeException e) {
      c = o;
    }
    if (c == null) {
      c = o;
    }
    synchronized (this) {
      int h = System.identityHashCode(o);
      Entry e = find(table, o, h);
      if (e != null) {
        return e;
      }
      if (c != o) {
        return put(new Entry(o, h, entry(c).id, mode, false, 0, 0, queue));
      }
      long id = nextId++;
      listener.born(id, o);
      return put(new Entry(o, h, id, mode, true, 0, 0, queue));
    }
  }

  /** From now on {@code view} has {@code target}'s id, with lock mode {@code mode}. */
  void alias(Object view, Object target, int mode) {
    if (view == null || target == null || view == target) {
      return;
    }
    long id = entry(target).id;
    synchronized (this) {
      int h = System.identityHashCode(view);
      Entry old = find(table, view, h);
      if (old != null && old.id == id && old.mode == mode) {
        return;
      }
      replace(old, new Entry(view, h, id, mode, false, 0, 0, queue));
    }
  }

  /** Marks {@code atomic} as the value of the spec-named field {@code field} of {@code owner}. */
  void registerAtomic(Object atomic, int field, long ownerId) {
    Entry e = entry(atomic);
    if (e.field == field && e.fieldOwner == ownerId) {
      return;
    }
    synchronized (this) {
      Entry old = find(table, atomic, e.hash);
      replace(
          old,
          new Entry(atomic, e.hash, e.id, e.mode, old != null && old.owner, field, ownerId, queue));
    }
  }

  private void replace(Entry old, Entry fresh) {
    if (old == null) {
      put(fresh);
      return;
    }
    Entry[] t = table;
    int mask = t.length - 1;
    for (int i = slot(old.hash, mask); ; i = (i + 1) & mask) {
      if (t[i] == old) {
        old.replaced = true;
        t[i] = fresh;
        return;
      }
    }
  }

  private Entry put(Entry e) {
    if ((used + 1) * 2 > table.length) {
      rebuild(table.length * 2);
    }
    Entry[] t = table;
    int mask = t.length - 1;
    int i = slot(e.hash, mask);
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    t[i] = e;
    used++;
    return e;
  }

  /** Copies live entries into a fresh array of {@code capacity} slots and publishes it. */
  private void rebuild(int capacity) {
    Entry[] old = table;
    int live = 0;
    for (Entry e : old) {
      if (e != null && e.get() != null && !e.replaced) {
        live++;
      }
    }
    while (live * 2 + 2 > capacity) {
      capacity *= 2;
    }
    Entry[] t = new Entry[capacity];
    int mask = capacity - 1;
    for (Entry e : old) {
      if (e != null && e.get() != null && !e.replaced) {
        int i = slot(e.hash, mask);
        while (t[i] != null) {
          i = (i + 1) & mask;
        }
        t[i] = e;
      }
    }
    used = live;
    dead = 0;
    table = t;
  }

  /**
   * Reports the deaths of objects whose references were cleared, and compacts the table when many
   * of its slots are dead. Called from the recorder's housekeeping thread.
   */
  void expunge() {
    Reference<?> r;
    while ((r = queue.poll()) != null) {
      Entry e = (Entry) r;
      if (e.owner && !e.replaced) {
        listener.freed(e.id);
      }
      synchronized (this) {
        dead++;
      }
    }
    synchronized (this) {
      if (dead > 1024 && dead * 4 > used) {
        rebuild(table.length);
      }
    }
  }

  /** Ids handed out so far. */
  synchronized long assigned() {
    return nextId - 1;
  }
}
