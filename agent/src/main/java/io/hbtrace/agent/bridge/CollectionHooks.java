package io.hbtrace.agent.bridge;

import java.util.Collection;
import java.util.Deque;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Stack;
import java.util.Vector;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Hooks for the thread-safe collections of the JDK, called through {@code Map}, {@code Queue},
 * {@code Deque}, {@code List} or {@code Collection} (or their concurrent types; a set's elements
 * through {@code add}, and {@code contains} or {@code remove} finding them), and a {@code Stack}'s
 * own {@code push}, {@code pop} and {@code peek}: "actions in a thread prior to placing an object
 * into any concurrent collection happen-before actions subsequent to the access or removal of that
 * element from the collection in another thread" ({@code java.util.concurrent}). Placing an element
 * (a map's value) sends on it, before the call; a call that returns an element receives on it,
 * after (channel: the element, as for a {@code BlockingQueue}, which has hooks of its own in {@link
 * HandoffHooks}; as an ELEMENT hand-off, apart from the element's own: a future kept in a map is
 * not completed by its put). A value a map's {@code compute*} or {@code merge} function makes is
 * sent from inside the function, before the map publishes it, and the value it is given received
 * there. Only collections of {@code java.util.concurrent}, the {@code Collections.synchronized*}
 * views, {@code Hashtable} and {@code Vector}, and the program's subclasses of them, hand over, and
 * what is read through a read-only view of one of them ({@code Collections.unmodifiable*}, whose
 * collection the recorder finds); a call on any other collection is made as it is. The calls that
 * place or visit many elements ({@code putAll}, {@code forEach}, iterators, …) are {@link
 * BulkCollectionHooks}'. The rules in {@link Hooks}' comment hold here too.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class CollectionHooks {

  private CollectionHooks() {}

  private static final int PLAIN = 0;
  private static final int THREAD_SAFE = 1;
  private static final int VIEW = 2;

  private static final ClassValue<Integer> KIND =
      new ClassValue<Integer>() {
        @Override
        protected Integer computeValue(Class<?> c) {
          Class<?> jdk = c; // a subclass of the program's own keeps its JDK superclass's guarantee
          while (jdk.getClassLoader() != null) {
            jdk = jdk.getSuperclass();
          }
          String name = jdk.getName();
          if (name.startsWith("java.util.concurrent.")
              || name.startsWith("java.util.Collections$Synchronized")
              || Hashtable.class.isAssignableFrom(jdk)
              || Vector.class.isAssignableFrom(jdk)) {
            return THREAD_SAFE;
          }
          return name.startsWith("java.util.Collections$Unmodifiable") ? VIEW : PLAIN;
        }
      };

  /** Whether calls on {@code c} hand over: something records and {@code c} is thread-safe. */
  static boolean handsOver(Object c) {
    return Hooks.sink != null && c != null && KIND.get(c.getClass()) == THREAD_SAFE;
  }

  /**
   * Whether what is read from {@code c} was handed over: {@link #handsOver}, or {@code c} is a
   * read-only view of a collection that hands over (views of views too). A view cannot place
   * anything, so only the hooks that take consult this.
   */
  static boolean readHandsOver(Object c) {
    HookSink s = Hooks.sink;
    for (int depth = 0; s != null && c != null && depth < 8; depth++) {
      int kind = KIND.get(c.getClass());
      if (kind != VIEW) {
        return kind == THREAD_SAFE;
      }
      try {
        c = s.viewBacking(c);
      } catch (Throwable t) {
        return false; // never fail the program's call
      }
    }
    return false;
  }

  static void placed(Object element, int site) {
    placed(element, HandoffKind.ELEMENT, site);
  }

  static void taken(Object element, int site) {
    taken(element, HandoffKind.ELEMENT, site);
  }

  static void placed(Object element, int how, int site) {
    if (element != null) {
      HandoffHooks.sent(element, how, site);
    }
  }

  static void taken(Object element, int how, int site) {
    if (element != null) {
      HandoffHooks.received(element, how, site);
    }
  }

  /**
   * The kind of hand-off an element placed into or taken out of {@code c} makes: a {@code
   * BlockingQueue}'s are those its own {@code put} and {@code take} make ({@link HandoffHooks}), so
   * that an element queued through {@code Queue} or {@code Collection} and taken through {@code
   * BlockingQueue} (or the reverse) still hands over; any other collection's, and what a read that
   * leaves the element in place sees, are {@code ELEMENT}.
   */
  static int kindOf(Object c) {
    return c instanceof BlockingQueue ? HandoffKind.EXECUTOR : HandoffKind.ELEMENT;
  }

  /** Wraps a {@code computeIfAbsent} function: the value it makes is sent before it is placed. */
  private static final class Making implements Function<Object, Object> {
    private final Function<Object, Object> f;
    private final int site;

    Making(Function<Object, Object> f, int site) {
      this.f = f;
      this.site = site;
    }

    @Override
    public Object apply(Object key) {
      Object v = f.apply(key);
      placed(v, site);
      return v;
    }
  }

  /**
   * Wraps a remapping function: it receives the map's value it is given (the first argument for
   * {@code merge}, the second, after the key, for {@code compute}), sends the one it makes.
   */
  static final class Remapping implements BiFunction<Object, Object, Object> {
    private final BiFunction<Object, Object, Object> f;
    private final boolean keyFirst;
    private final int site;

    Remapping(BiFunction<Object, Object, Object> f, boolean keyFirst, int site) {
      this.f = f;
      this.keyFirst = keyFirst;
      this.site = site;
    }

    @Override
    public Object apply(Object a, Object b) {
      taken(keyFirst ? b : a, site);
      Object v = f.apply(a, b);
      placed(v, site);
      return v;
    }
  }

  /** {@code e}, about to be placed into {@code c}: sent on, if {@code c} hands over. */
  private static Object placing(Object c, Object e, int site) {
    if (handsOver(c)) {
      placed(e, kindOf(c), site);
    }
    return e;
  }

  /** {@code e}, just taken from {@code c}: received on, if what {@code c} gives was handed over. */
  private static Object took(Object c, Object e, int site) {
    if (readHandsOver(c)) {
      taken(e, site);
    }
    return e;
  }

  /** {@code found}, having received on {@code e} if it was found in {@code c}, as {@link #took}. */
  private static boolean found(Object c, boolean found, Object e, int site) {
    if (found) {
      took(c, e, site);
    }
    return found;
  }

  /**
   * {@code e}, just taken out of {@code c}: received on as {@link #took} says, as a {@code
   * BlockingQueue}'s own {@code poll} or {@code take} would for a blocking queue.
   */
  private static Object removed(Object c, Object e, int site) {
    if (readHandsOver(c)) {
      taken(e, kindOf(c), site);
    }
    return e;
  }

  // Map

  public static Object put(Map m, Object k, Object v, int site) {
    return m.put(k, placing(m, v, site));
  }

  /** The value already there, if any, is taken back: read by the caller. */
  public static Object putIfAbsent(Map m, Object k, Object v, int site) {
    return took(m, m.putIfAbsent(k, placing(m, v, site)), site);
  }

  public static Object replace(Map m, Object k, Object v, int site) {
    return m.replace(k, placing(m, v, site));
  }

  public static boolean replace(Map m, Object k, Object old, Object v, int site) {
    return m.replace(k, old, placing(m, v, site));
  }

  public static Object get(Map m, Object k, int site) {
    return took(m, m.get(k), site);
  }

  public static Object getOrDefault(Map m, Object k, Object absent, int site) {
    Object v = m.getOrDefault(k, absent);
    return v == absent ? v : took(m, v, site);
  }

  public static Object remove(Map m, Object k, int site) {
    return took(m, m.remove(k), site);
  }

  /** A value found is received on, as one read back. */
  public static boolean containsValue(Map m, Object v, int site) {
    return found(m, m.containsValue(v), v, site);
  }

  /**
   * A key found is received on through its value, where the map forbids null values and its {@code
   * containsKey} is {@code get(key) != null} (a {@code ConcurrentHashMap}, {@code
   * ConcurrentSkipListMap} or {@code Hashtable}, not a subclass): the value is read in the same
   * step, as the JDK's own {@code containsKey} reads it. On any other map the call is made as it is
   * (a second call to read the value could see a later one).
   */
  public static boolean containsKey(Map m, Object k, int site) {
    if (Hooks.sink == null || m == null || !NULL_FREE.get(m.getClass())) {
      return m.containsKey(k);
    }
    Object v = m.get(k);
    if (v == null) {
      return false;
    }
    taken(v, site);
    return true;
  }

  /** The maps whose {@code containsKey(k)} is {@code get(k) != null} ({@link #containsKey}). */
  private static final ClassValue<Boolean> NULL_FREE =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> c) {
          return c == ConcurrentHashMap.class
              || c == ConcurrentSkipListMap.class
              || c == Hashtable.class;
        }
      };

  public static Object computeIfAbsent(Map m, Object k, Function f, int site) {
    if (f == null || !handsOver(m)) {
      return m.computeIfAbsent(k, f);
    }
    Object v = m.computeIfAbsent(k, new Making(f, site));
    taken(v, site);
    return v;
  }

  public static Object computeIfPresent(Map m, Object k, BiFunction f, int site) {
    if (f == null || !handsOver(m)) {
      return m.computeIfPresent(k, f);
    }
    return m.computeIfPresent(k, new Remapping(f, true, site));
  }

  public static Object compute(Map m, Object k, BiFunction f, int site) {
    if (f == null || !handsOver(m)) {
      return m.compute(k, f);
    }
    return m.compute(k, new Remapping(f, true, site));
  }

  public static Object merge(Map m, Object k, Object v, BiFunction f, int site) {
    if (f == null || v == null || !handsOver(m)) {
      return m.merge(k, v, f);
    }
    placed(v, site);
    return m.merge(k, v, new Remapping(f, false, site));
  }

  // Queue and Deque: placing

  public static boolean add(Queue q, Object e, int site) {
    return q.add(placing(q, e, site));
  }

  public static boolean offer(Queue q, Object e, int site) {
    return q.offer(placing(q, e, site));
  }

  public static void addFirst(Deque d, Object e, int site) {
    d.addFirst(placing(d, e, site));
  }

  public static void addLast(Deque d, Object e, int site) {
    d.addLast(placing(d, e, site));
  }

  public static boolean offerFirst(Deque d, Object e, int site) {
    return d.offerFirst(placing(d, e, site));
  }

  public static boolean offerLast(Deque d, Object e, int site) {
    return d.offerLast(placing(d, e, site));
  }

  public static void push(Deque d, Object e, int site) {
    d.push(placing(d, e, site));
  }

  // Queue and Deque: taking

  public static Object poll(Queue q, int site) {
    return removed(q, q.poll(), site);
  }

  public static Object peek(Queue q, int site) {
    return took(q, q.peek(), site);
  }

  public static Object remove(Queue q, int site) {
    return removed(q, q.remove(), site);
  }

  public static Object element(Queue q, int site) {
    return took(q, q.element(), site);
  }

  public static Object pollFirst(Deque d, int site) {
    return removed(d, d.pollFirst(), site);
  }

  public static Object pollLast(Deque d, int site) {
    return removed(d, d.pollLast(), site);
  }

  public static Object peekFirst(Deque d, int site) {
    return took(d, d.peekFirst(), site);
  }

  public static Object peekLast(Deque d, int site) {
    return took(d, d.peekLast(), site);
  }

  public static Object pop(Deque d, int site) {
    return removed(d, d.pop(), site);
  }

  public static Object removeFirst(Deque d, int site) {
    return removed(d, d.removeFirst(), site);
  }

  public static Object removeLast(Deque d, int site) {
    return removed(d, d.removeLast(), site);
  }

  public static Object getFirst(Deque d, int site) {
    return took(d, d.getFirst(), site);
  }

  public static Object getLast(Deque d, int site) {
    return took(d, d.getLast(), site);
  }

  // List

  public static boolean add(List l, Object e, int site) {
    return l.add(placing(l, e, site));
  }

  public static void add(List l, int i, Object e, int site) {
    l.add(i, placing(l, e, site));
  }

  public static Object set(List l, int i, Object e, int site) {
    return l.set(i, placing(l, e, site));
  }

  public static Object get(List l, int i, int site) {
    return took(l, l.get(i), site);
  }

  public static Object remove(List l, int i, int site) {
    return took(l, l.remove(i), site);
  }

  // Collection (a set's elements, or any collection called through Collection): placing, and an
  // element found or removed is received on, as one taken back

  public static boolean add(Collection c, Object e, int site) {
    return c.add(placing(c, e, site));
  }

  public static boolean contains(Collection c, Object o, int site) {
    return found(c, c.contains(o), o, site);
  }

  public static boolean remove(Collection c, Object o, int site) {
    boolean gone = c.remove(o);
    if (gone) {
      removed(c, o, site);
    }
    return gone;
  }

  // Stack (a Vector): its own methods

  public static Object push(Stack s, Object e, int site) {
    return s.push(placing(s, e, site));
  }

  public static Object pop(Stack s, int site) {
    return took(s, s.pop(), site);
  }

  public static Object peek(Stack s, int site) {
    return took(s, s.peek(), site);
  }
}
