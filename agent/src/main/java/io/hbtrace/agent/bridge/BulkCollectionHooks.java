package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.CollectionHooks.handsOver;
import static io.hbtrace.agent.bridge.CollectionHooks.kindOf;
import static io.hbtrace.agent.bridge.CollectionHooks.placed;
import static io.hbtrace.agent.bridge.CollectionHooks.readHandsOver;
import static io.hbtrace.agent.bridge.CollectionHooks.taken;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Hooks for the calls on the JDK's thread-safe collections that place or visit many elements:
 * {@code putAll} and {@code addAll} send on each element they place; {@code forEach}, an iterator's
 * {@code next} and {@code forEachRemaining}, {@code removeIf} and {@code replaceAll} receive on
 * each element they give the program (its action, filter or function wrapped where there is one),
 * and {@code replaceAll} sends on each its function makes; a synchronized view's {@code iterator()}
 * is wrapped to receive on what it gives under the view's lock, and a stream of either kind of
 * collection gets a stage that receives on each element passing. Which collections hand over, and
 * how, is {@link CollectionHooks}'; the rules in {@link Hooks}' comment hold here too.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class BulkCollectionHooks {

  private BulkCollectionHooks() {}

  /**
   * Each element of {@code from} is sent on before the call, when {@code c} hands over and {@code
   * from} is the JDK's (a collection of the program's own is not iterated an extra time).
   */
  public static boolean addAll(Collection c, Collection from, int site) {
    if (from != null && handsOver(c) && from.getClass().getClassLoader() == null) {
      for (Object e : from) {
        placed(e, kindOf(c), site);
      }
    }
    return c.addAll(from);
  }

  /** Each value of {@code from} is sent on before the call, as {@link #addAll} says. */
  public static void putAll(Map m, Map from, int site) {
    if (from != null && handsOver(m) && from.getClass().getClassLoader() == null) {
      for (Object v : from.values()) {
        placed(v, site);
      }
    }
    m.putAll(from);
  }

  /** Each element the action is given is received on first, when {@code it} hands over. */
  public static void forEach(Iterable it, Consumer action, int site) {
    it.forEach(
        action == null || !readHandsOver(it)
            ? action
            : new Seeing(ELEMENTS, null, site).andThen(action));
  }

  /** Each value the action is given is received on first, when {@code m} hands over. */
  public static void forEach(Map m, BiConsumer action, int site) {
    m.forEach(action == null || !readHandsOver(m) ? action : new VisitingValues(action, site));
  }

  private static final class VisitingValues implements BiConsumer<Object, Object> {
    private final BiConsumer<Object, Object> action;
    private final int site;

    VisitingValues(BiConsumer<Object, Object> action, int site) {
      this.action = action;
      this.site = site;
    }

    @Override
    public void accept(Object k, Object v) {
      taken(v, site);
      action.accept(k, v);
    }
  }

  // iterators: what a thread-safe collection's iterator gives was placed into it

  private static final int NOT_FOLLOWED = 0;
  private static final int ELEMENTS = 1;
  private static final int ENTRIES = 2;

  /**
   * What an iterator's elements are, by its class: a thread-safe collection's elements (a
   * concurrent set's are its map's keys, so a map's keys too, as a map's own key set gives them; a
   * key is then received on as an element placed elsewhere would be), or a concurrent map's entries
   * ({@code entrySet()}, received on their values); any other iterator is not followed.
   */
  private static final ClassValue<Integer> ITERATES =
      new ClassValue<Integer>() {
        @Override
        protected Integer computeValue(Class<?> c) {
          String name = c.getName();
          if (c.getClassLoader() != null
              || !(name.startsWith("java.util.concurrent.")
                  || name.startsWith("java.util.Vector$"))) {
            return NOT_FOLLOWED;
          }
          return elementsOf(c);
        }
      };

  /**
   * {@code c.iterator()}: a synchronized view's iterator (its collection's) is wrapped so that each
   * element it gives while its thread holds the view's lock, as the JDK requires of an iteration,
   * is received on: the element was placed by a call that held that lock, which the recorder does
   * not see taken inside the JDK. Any other iterator is returned as it is.
   */
  public static Iterator iterator(Iterable c, int site) {
    Iterator it = c.iterator();
    HookSink s = Hooks.sink;
    Seeing locked = s == null ? null : underLock(s, c, site);
    return locked == null ? it : new Locked(it, locked);
  }

  /**
   * For a synchronized view {@code c}: what receives on an element it gives while the view's lock
   * is held (of the kind its backing collection holds: a map's entry set, entries); null for any
   * other collection, or if the view cannot be read.
   */
  private static Seeing underLock(HookSink s, Object c, int site) {
    try {
      Object lock = s.viewLock(c);
      if (lock == null) {
        return null;
      }
      Object backing = s.viewBacking(c);
      return new Seeing(backing == null ? ELEMENTS : elementsOf(backing.getClass()), lock, site);
    } catch (Throwable t) {
      return null; // never fail the program's call
    }
  }

  /**
   * What a collection of class {@code c}, or an iterator of one, gives: a map's entries if it is an
   * entry set's, else elements.
   */
  private static int elementsOf(Class<?> c) {
    return c.getName().contains("Entry") ? ENTRIES : ELEMENTS;
  }

  /**
   * A synchronized view's iterator: what it gives while its thread holds the view's lock is
   * received on ({@link #seen}); iterated without the lock (a race in the program), nothing is.
   */
  private static final class Locked implements Iterator<Object> {
    private final Iterator<Object> it;
    private final Seeing seeing;

    Locked(Iterator<Object> it, Seeing seeing) {
      this.it = it;
      this.seeing = seeing;
    }

    @Override
    public boolean hasNext() {
      return it.hasNext();
    }

    @Override
    public Object next() {
      Object e = it.next();
      seeing.accept(e);
      return e;
    }

    @Override
    public void remove() {
      it.remove();
    }

    @Override
    public void forEachRemaining(Consumer<? super Object> action) {
      it.forEachRemaining(action == null ? null : seeing.andThen(action));
    }
  }

  /**
   * {@code c.stream()}: each element the stream takes from a collection whose reads hand over (a
   * concurrent map's entry set's on its value), or from a synchronized view while the taking thread
   * holds the view's lock, is received on as it passes, by the thread that takes it (a stage added
   * with {@code peek}, ahead of the program's own).
   */
  public static Stream stream(Collection c, int site) {
    return streamed(c, c.stream(), site);
  }

  /** As {@link #stream}: each element is received on by the worker that takes it. */
  public static Stream parallelStream(Collection c, int site) {
    return streamed(c, c.parallelStream(), site);
  }

  private static Stream streamed(Collection c, Stream s, int site) {
    HookSink sink = Hooks.sink;
    if (sink == null || s == null) {
      return s;
    }
    Seeing locked = underLock(sink, c, site);
    if (locked != null) {
      return s.peek(locked);
    }
    return readHandsOver(c) ? s.peek(new Seeing(elementsOf(c.getClass()), null, site)) : s;
  }

  /**
   * Receives on each element it is given, of kind {@code what} ({@link #seen}); with a lock, only
   * while the calling thread holds it. A stream's first stage, a synchronized view's iterator's,
   * and ahead of a {@code forEach} or {@code forEachRemaining} action ({@code andThen}).
   */
  private static final class Seeing implements Consumer<Object> {
    private final int what;
    private final Object lock;
    private final int site;

    Seeing(int what, Object lock, int site) {
      this.what = what;
      this.lock = lock;
      this.site = site;
    }

    @Override
    public void accept(Object e) {
      if (lock == null || Thread.holdsLock(lock)) {
        seen(what, e, site);
      }
    }
  }

  public static Object next(Iterator it, int site) {
    Object e = it.next();
    if (Hooks.sink != null && e != null) {
      seen(ITERATES.get(it.getClass()), e, site);
    }
    return e;
  }

  /** The rest of the iteration: each element the action is given is received on first. */
  public static void forEachRemaining(Iterator it, Consumer action, int site) {
    int what = Hooks.sink == null || action == null ? NOT_FOLLOWED : ITERATES.get(it.getClass());
    it.forEachRemaining(
        what == NOT_FOLLOWED ? action : new Seeing(what, null, site).andThen(action));
  }

  /** An element {@code e} an iterator of kind {@code what} gave: received on as it says. */
  private static void seen(int what, Object e, int site) {
    if (what == ELEMENTS) {
      taken(e, site);
    } else if (what == ENTRIES && e instanceof Map.Entry entry) {
      taken(entry.getValue(), site);
    }
  }

  /** Each element the filter is given is received on first, when {@code c} hands over. */
  public static boolean removeIf(Collection c, Predicate filter, int site) {
    return c.removeIf(filter == null || !readHandsOver(c) ? filter : new Testing(filter, site));
  }

  private static final class Testing implements Predicate<Object> {
    private final Predicate<Object> filter;
    private final int site;

    Testing(Predicate<Object> filter, int site) {
      this.filter = filter;
      this.site = site;
    }

    @Override
    public boolean test(Object e) {
      taken(e, site);
      return filter.test(e);
    }
  }

  /**
   * Each value the function is given is received on first, the one it makes sent before the map
   * holds it, when {@code m} hands over.
   */
  public static void replaceAll(Map m, BiFunction f, int site) {
    m.replaceAll(f == null || !handsOver(m) ? f : new CollectionHooks.Remapping(f, true, site));
  }

  /** Each element the operator is given is received on, the one it makes sent, as for a map. */
  public static void replaceAll(List l, UnaryOperator op, int site) {
    l.replaceAll(op == null || !handsOver(l) ? op : new Replacing(op, site));
  }

  private static final class Replacing implements UnaryOperator<Object> {
    private final UnaryOperator<Object> op;
    private final int site;

    Replacing(UnaryOperator<Object> op, int site) {
      this.op = op;
      this.site = site;
    }

    @Override
    public Object apply(Object e) {
      taken(e, site);
      Object made = op.apply(e);
      placed(made, site);
      return made;
    }
  }
}
