package io.hbtrace.agent.record;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * Dense, stable long ids (>= 1) for objects, held weakly: the id of an object never changes and is
 * never reused, and the table does not keep the object alive.
 *
 * <p>An open-addressing table (linear probing) keyed by {@code identityHashCode}, which only picks
 * the slot; equality is by reference. Lookups take no lock: they read the current array, whose
 * entries are immutable (final fields). Every change (insert, replace, removal, growth) happens
 * under the table's lock; a lookup racing with one may miss, and every miss is checked again under
 * the lock before anything is assigned, so a racing reader never gets a wrong id nor a second one.
 *
 * <p>Entries are weak references registered with a reference queue: once the collector has cleared
 * an entry and queued it, {@link #expungeQueued} (the recorder's housekeeping thread, which waits
 * on the queue, and an insert that finds the table half full) reports its id freed and deletes it
 * in place (backward-shift deletion), so the table holds the live objects and only the dead ones of
 * the last collection or so. Measured on the generic/418 workload, whose every run makes ~400 new
 * objects: with a scan of the whole table every 200 ms instead, dead entries outnumbered live ones,
 * and lookups probed through them. The array is reallocated only when the live objects outgrow it
 * (more than a quarter of the slots held after the queue is drained). The load factor stays at or
 * below 1/2. {@link #expunge} also scans for entries cleared but not yet queued, for a caller that
 * wants every death reported now.
 *
 * <p>An object can be an <em>alias</em> of another (a read-write lock's read view shares the lock's
 * id; a future shares its task's id): its entry carries the target's id and its own lock mode. The
 * entry that owns an id reports its birth ({@link Listener#born}); its death ({@link
 * Listener#freed}) is that of the last of the objects sharing it, which may outlive the owner (a
 * future outlives the task wrapper an executor drops once it has run; a read view, the read-write
 * lock object). The entries of a shared id count their live members in one {@link Sharing} they all
 * point to, so a death is reported without a lookup.
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

  /** The live entries of an id shared by more than its owner (owner included); under the lock. */
  static final class Sharing {
    int live;
  }

  /**
   * One object's row; immutable. Kept to 48 bytes (the collector copies every entry made since its
   * last pause): what only atomics need is in {@link AtomicEntry}. An entry without a {@link
   * Sharing} is its id's owner; every view of an id points to the id's sharing.
   */
  static class Entry extends WeakReference<Object> {
    final int hash;
    final long id;
    final int mode;

    /** Null while the id is its owner's alone. */
    final Sharing sharing;

    Entry(Object o, ReferenceQueue<Object> queue, int hash, long id, int mode, Sharing sharing) {
      super(o, queue);
      this.hash = hash;
      this.id = id;
      this.mode = mode;
      this.sharing = sharing;
    }

    /** This row for {@code o} again, with sharing {@code s}. */
    Entry with(Object o, ReferenceQueue<Object> queue, Sharing s) {
      return new Entry(o, queue, hash, id, mode, s);
    }
  }

  /** The row of an atomic loaded from a spec-named field. */
  static final class AtomicEntry extends Entry {
    /** String id of the spec-named field the atomic was loaded from. */
    final int field;

    /** Identity of the object holding that field (0 for a static field). */
    final long fieldOwner;

    AtomicEntry(Entry e, Object o, ReferenceQueue<Object> queue, int field, long fieldOwner) {
      super(o, queue, e.hash, e.id, e.mode, e.sharing);
      this.field = field;
      this.fieldOwner = fieldOwner;
    }

    @Override
    Entry with(Object o, ReferenceQueue<Object> queue, Sharing s) {
      return new AtomicEntry(super.with(o, queue, s), o, queue, field, fieldOwner);
    }
  }

  private final Listener listener;
  private final Canonicalizer canon;
  private final ReferenceQueue<Object> dead = new ReferenceQueue<>();
  private volatile Entry[] table = new Entry[1 << 12];
  private int size; // slots holding an entry, cleared or not (under the lock)
  private long nextId = 1;

  /** Dead entries deleted under one holding of the lock by {@link #expungeQueued}. */
  static final int DELETES_PER_HOLD = 64;

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

  /**
   * The entry of {@code o}, whose identity hash is {@code h}, in {@code t}; null if none. An entry
   * is told by its referent alone, not first by its hash: a different object of the same hash in
   * the probe run is rare (a few times a second in a busy program), and a branch that rare is one
   * the JIT compiles as a trap, which then deoptimizes every hook this lookup was inlined into.
   */
  private static Entry find(Entry[] t, Object o, int h) {
    int mask = t.length - 1;
    for (int i = slot(h, mask); ; i = (i + 1) & mask) {
      Entry e = t[i];
      if (e == null) {
        return null;
      }
      if (e.refersTo(o)) {
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
        Entry target = entry(c);
        Sharing s = sharing(c, target);
        s.live++;
        return put(new Entry(o, dead, h, target.id, mode, s));
      }
      long id = nextId++;
      listener.born(id, o);
      return put(new Entry(o, dead, h, id, mode, null));
    }
  }

  /** From now on {@code view} has {@code target}'s id, with lock mode {@code mode}. */
  void alias(Object view, Object target, int mode) {
    if (view == null || target == null || view == target) {
      return;
    }
    entry(target);
    synchronized (this) {
      Entry t = find(table, target, System.identityHashCode(target));
      long id = t.id;
      int h = System.identityHashCode(view);
      Entry old = find(table, view, h);
      if (old != null && old.id == id && old.mode == mode) {
        return;
      }
      boolean joins = old == null || old.id != id;
      if (old != null && joins) {
        died(old); // the view's own id, or another it shared, loses this entry
      }
      Sharing s = sharing(target, t);
      if (joins) {
        s.live++;
      }
      replace(old, new Entry(view, dead, h, id, mode, s));
    }
  }

  /**
   * The sharing of {@code te}, the entry of {@code target}: made when a first view joins its id,
   * counting the owner, whose entry is replaced by one pointing to it (under the lock).
   */
  private Sharing sharing(Object target, Entry te) {
    if (te.sharing != null) {
      return te.sharing;
    }
    Sharing s = new Sharing();
    s.live = 1;
    replace(te, te.with(target, dead, s));
    return s;
  }

  /** An entry of {@code e}'s id is gone: the id is freed with the last of them (under the lock). */
  private void died(Entry e) {
    Sharing s = e.sharing;
    if (s == null || --s.live == 0) {
      listener.freed(e.id);
    }
  }

  /** Marks {@code atomic} as the value of the spec-named field {@code field} of {@code owner}. */
  void registerAtomic(Object atomic, int field, long ownerId) {
    if (entry(atomic) instanceof AtomicEntry a && a.field == field && a.fieldOwner == ownerId) {
      return;
    }
    synchronized (this) {
      Entry old = find(table, atomic, System.identityHashCode(atomic));
      if (old == null) {
        old = entry(atomic); // gone since the lookup above: only if the table was swept meanwhile
      }
      replace(old, new AtomicEntry(old, atomic, dead, field, ownerId));
    }
  }

  /**
   * Puts {@code fresh} in {@code old}'s slot (an id's owner is replaced by an owner). The old entry
   * is cleared, so the collector never queues it: its death is {@code fresh}'s.
   */
  private void replace(Entry old, Entry fresh) {
    if (old == null) {
      put(fresh);
      return;
    }
    Entry[] t = table;
    t[indexOf(t, old)] = fresh;
    old.clear();
  }

  /** The slot of {@code e} in {@code t}, or -1 if it is not there (deleted already). */
  private static int indexOf(Entry[] t, Entry e) {
    int mask = t.length - 1;
    for (int i = slot(e.hash, mask); t[i] != null; i = (i + 1) & mask) {
      if (t[i] == e) {
        return i;
      }
    }
    return -1;
  }

  private Entry put(Entry e) {
    if ((size + 1) * 2 > table.length) {
      drainLocked();
      if ((size + 1) * 4 > table.length) {
        grow(); // mostly live: grow now rather than drain again after a few more inserts
      }
    }
    place(table, e);
    size++;
    return e;
  }

  /** Puts {@code e} in the first free slot of its probe run in {@code t}. */
  private static void place(Entry[] t, Entry e) {
    int mask = t.length - 1;
    int i = slot(e.hash, mask);
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    t[i] = e;
  }

  /** Copies every entry into an array twice the size and publishes it. */
  private void grow() {
    Entry[] old = table;
    Entry[] t = new Entry[old.length * 2];
    for (Entry e : old) {
      if (e != null) {
        place(t, e);
      }
    }
    table = t;
  }

  /**
   * Waits up to {@code millis} for the collector to queue a dead object's entry, then reports and
   * deletes every queued one. The recorder's housekeeping thread calls it in a loop.
   *
   * <p>The entries are taken from the queue outside the table's lock and deleted under it {@link
   * #DELETES_PER_HOLD} at a time: after a collection the queue holds the entries of every object
   * identified since the one before (tens of thousands on the generic/418 workload), and a thread
   * identifying an object must not wait for all of them (nor for the JDK's reference handler still
   * queueing them, whose lock each poll takes).
   */
  void expungeQueued(long millis) throws InterruptedException {
    Entry[] batch = null;
    for (Reference<?> r = dead.remove(millis); r != null; ) {
      batch = batch != null ? batch : new Entry[DELETES_PER_HOLD];
      int n = 0;
      do {
        batch[n++] = (Entry) r;
      } while (n < batch.length && (r = dead.poll()) != null);
      synchronized (this) {
        for (int i = 0; i < n; i++) {
          deleteDead(batch[i]);
        }
      }
      r = n == batch.length ? dead.poll() : null;
    }
  }

  /** Reports and deletes the entries the collector has queued so far (under the lock). */
  private void drainLocked() {
    for (Reference<?> r; (r = dead.poll()) != null; ) {
      deleteDead((Entry) r);
    }
  }

  /** Reports a queued entry's death and deletes it, unless it has left the table already. */
  private void deleteDead(Entry e) {
    Entry[] t = table;
    int i = indexOf(t, e);
    if (i >= 0) {
      died(e);
      delete(t, i);
    }
  }

  /**
   * Reports the deaths of every object whose entry the collector has cleared, queued or not, and
   * deletes their entries: at close, and for a caller that knows the program is quiet.
   */
  synchronized void expunge() {
    drainLocked();
    Entry[] t = table;
    for (int i = 0; i < t.length; ) {
      Entry e = t[i];
      if (e != null && e.refersTo(null)) {
        died(e);
        delete(t, i); // an entry may move into slot i: look at it again
      } else {
        i++;
      }
    }
  }

  /**
   * Backward-shift deletion: empties slot {@code i} and moves later entries of the same probe run
   * back, so every entry stays reachable from its home slot without tombstones. A concurrent reader
   * may miss an entry while it moves; misses are re-checked under the lock.
   */
  private void delete(Entry[] t, int i) {
    int mask = t.length - 1;
    int hole = i;
    for (int j = (hole + 1) & mask; t[j] != null; j = (j + 1) & mask) {
      int home = slot(t[j].hash, mask);
      // it stays if its home is (cyclically) after the hole; distances, not a wrap-around branch,
      // which would be too rare for the JIT to keep
      boolean stays = ((j - home) & mask) < ((j - hole) & mask);
      if (!stays) {
        t[hole] = t[j];
        hole = j;
      }
    }
    t[hole] = null;
    size--;
  }

  /** Slots in the table (tests). */
  synchronized int capacity() {
    return table.length;
  }

  /** Ids handed out so far. */
  synchronized long assigned() {
    return nextId - 1;
  }
}
