package io.hbtrace.agenttest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.Stack;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

/**
 * Objects handed from one thread to another through collections, each entered (marked) by the
 * thread that placed it and, after it took it back, by the thread that took it; the only wait
 * between the two is one the recorder cannot see (a spin on the collection's size or a plain
 * volatile flag), so only the collection's hand-off can order them. Each program returns what it
 * took, the same with and without the agent.
 */
public final class CollectionEdges {
  private static final int N = 3;
  private static volatile boolean placed;
  private static int entered;

  private CollectionEdges() {}

  private static Object marked(Object o) {
    synchronized (o) {
      entered++;
    }
    return o;
  }

  private static String name(Object o) {
    return o.getClass().getSimpleName();
  }

  /**
   * Runs {@code producer} on a thread of its own, waits for it through a flag the recorder does not
   * see, then runs {@code consumer}; the producer is joined only after that.
   */
  private static String across(Runnable producer, Supplier<String> consumer)
      throws InterruptedException {
    placed = false;
    Thread t =
        new Thread(
            () -> {
              producer.run();
              placed = true;
            },
            "producer");
    t.start();
    while (!placed) {
      Thread.onSpinWait();
    }
    String out = consumer.get();
    t.join();
    return out;
  }

  /** ConcurrentHashMap through Map: put, computeIfAbsent, compute, merge; get back. */
  public static String maps() throws InterruptedException {
    Map<String, Object> m = new ConcurrentHashMap<>();
    return across(
        () -> {
          m.put("put", marked(new StringBuilder("put")));
          m.computeIfAbsent("computed", k -> marked(new StringBuilder(k)));
          m.compute("remapped", (k, old) -> marked(new StringBuilder(k)));
          m.merge("merged", marked(new StringBuilder("merged")), (a, b) -> a);
          m.put("recomputed", marked(new StringBuilder("recomputed")));
        },
        () -> {
          List<String> out = new ArrayList<>();
          for (String k : List.of("put", "computed", "remapped", "merged")) {
            out.add(marked(m.get(k)).toString());
          }
          // the function is given the value the other thread put (after the key)
          out.add(m.compute("recomputed", (k, old) -> marked(old)).toString());
          return String.join(" ", out);
        });
  }

  /** A synchronized view of a HashMap hands over as well. */
  public static String synchronizedMap() throws InterruptedException {
    Map<String, Object> m = Collections.synchronizedMap(new HashMap<>());
    return across(
        () -> {
          m.putAll(Map.of("a", marked(new StringBuilder("a"))));
        },
        () -> {
          return marked(m.getOrDefault("a", "none")).toString();
        });
  }

  /** ConcurrentLinkedQueue through Queue, ConcurrentLinkedDeque through Deque. */
  public static String queues() throws InterruptedException {
    Queue<Object> q = new ConcurrentLinkedQueue<>();
    Deque<Object> d = new ConcurrentLinkedDeque<>();
    return across(
        () -> {
          for (int i = 0; i < N; i++) {
            q.offer(marked(new StringBuilder("q" + i)));
          }
          d.push(marked(new StringBuilder("pushed")));
          d.offerLast(marked(new StringBuilder("last")));
        },
        () -> {
          List<String> out = new ArrayList<>();
          for (Object o; (o = q.poll()) != null; ) {
            out.add(marked(o).toString());
          }
          out.add(marked(d.pop()).toString());
          out.add(marked(d.peekLast()).toString());
          return String.join(" ", out);
        });
  }

  /** CopyOnWriteArrayList through List. */
  public static String lists() throws InterruptedException {
    List<Object> l = new CopyOnWriteArrayList<>();
    return across(
        () -> {
          for (int i = 0; i < N; i++) {
            l.add(marked(new StringBuilder("l" + i)));
          }
        },
        () -> {
          List<String> out = new ArrayList<>();
          for (int i = 0; i < N; i++) {
            out.add(marked(l.get(i)).toString());
          }
          return String.join(" ", out);
        });
  }

  /** A Stack (a Vector) through its own push, pop and peek. */
  public static String stack() throws InterruptedException {
    Stack<Object> s = new Stack<>();
    return across(
        () -> {
          s.push(marked(new StringBuilder("bottom")));
          s.push(marked(new StringBuilder("top")));
        },
        () -> {
          String top = marked(s.pop()).toString();
          return top + " " + marked(s.peek());
        });
  }

  /**
   * What is read through a read-only view of a thread-safe collection was handed over by the
   * collection behind it (a map's view, and a view of a view of a list).
   */
  public static String unmodifiableViews() throws InterruptedException {
    Map<String, Object> m = new ConcurrentHashMap<>();
    List<Object> l = new CopyOnWriteArrayList<>();
    Map<String, Object> mapView = Collections.unmodifiableMap(m);
    List<Object> listView = Collections.unmodifiableList(Collections.unmodifiableList(l));
    return across(
        () -> {
          m.putAll(Map.of("a", marked(new StringBuilder("a"))));
          l.add(marked(new StringBuilder("b")));
        },
        () -> {
          return marked(mapView.get("a")) + " " + marked(listView.get(0));
        });
  }

  /** A read-only view of a HashMap hands nothing over, as the map does not. */
  public static String unmodifiablePlainMap() throws InterruptedException {
    Map<String, Object> m = new HashMap<>();
    Map<String, Object> view = Collections.unmodifiableMap(m);
    return across(
        () -> {
          m.putAll(Map.of("a", marked(new StringBuilder("a"))));
        },
        () -> {
          return name(marked(view.get("a")));
        });
  }

  /**
   * A concurrent set, and a queue called through Collection: elements added, then found by {@code
   * contains} or taken out by {@code remove} (the consumer holds them already: made before the
   * producer started, marked by it only after).
   */
  public static String sets() throws InterruptedException {
    Set<Object> s = ConcurrentHashMap.newKeySet();
    Collection<Object> c = new ConcurrentLinkedQueue<>();
    Object inSet = new StringBuilder("inSet");
    Object inQueue = new StringBuilder("inQueue");
    return across(
        () -> {
          s.add(marked(inSet));
          c.add(marked(inQueue));
        },
        () -> {
          boolean found = s.contains(inSet);
          marked(inSet);
          boolean removed = c.remove(inQueue);
          marked(inQueue);
          return found + " " + removed;
        });
  }

  /** Bulk operations: putAll and addAll place every element, forEach receives each it visits. */
  public static String bulk() throws InterruptedException {
    Map<String, Object> m = new ConcurrentHashMap<>();
    Queue<Object> q = new ConcurrentLinkedQueue<>();
    return across(
        () -> {
          m.putAll(Map.of("a", marked(new StringBuilder("a"))));
          q.addAll(List.of(marked(new StringBuilder("b"))));
        },
        () -> {
          List<String> out = new ArrayList<>();
          m.forEach((k, v) -> out.add(marked(v).toString()));
          q.forEach(e -> out.add(marked(e).toString()));
          return String.join(" ", out);
        });
  }

  /**
   * Iterators: a concurrent map's values and entries, a copy-on-write list's, a concurrent queue's
   * and a concurrent set's elements, each seen by a for-each loop.
   */
  public static String iterators() throws InterruptedException {
    Map<String, Object> values = new ConcurrentHashMap<>();
    Map<String, Object> entries = new ConcurrentHashMap<>();
    List<Object> l = new CopyOnWriteArrayList<>();
    Queue<Object> q = new ConcurrentLinkedQueue<>();
    Set<Object> s = ConcurrentHashMap.newKeySet();
    return across(
        () -> {
          s.add(marked(new StringBuilder("s")));
          values.put("v", marked(new StringBuilder("v")));
          entries.put("e", marked(new StringBuilder("e")));
          l.add(marked(new StringBuilder("l")));
          q.add(marked(new StringBuilder("q")));
        },
        () -> {
          List<String> out = new ArrayList<>();
          for (Object v : values.values()) {
            out.add(marked(v).toString());
          }
          for (Map.Entry<String, Object> e : entries.entrySet()) {
            out.add(marked(e.getValue()).toString());
          }
          for (Object o : l) {
            out.add(marked(o).toString());
          }
          for (Object o : q) {
            out.add(marked(o).toString());
          }
          for (Object o : s) {
            out.add(marked(o).toString());
          }
          return String.join(" ", out);
        });
  }

  /** An ArrayList's iterator hands nothing over. */
  public static String plainIterator() throws InterruptedException {
    List<Object> l = new ArrayList<>();
    return across(
        () -> {
          l.add(marked(new StringBuilder("a")));
        },
        () -> {
          StringBuilder out = new StringBuilder();
          for (Object o : l) {
            out.append(name(marked(o)));
          }
          return out.toString();
        });
  }

  /**
   * A blocking queue called through Queue and through BlockingQueue: what one way places, the other
   * takes (both ways).
   */
  public static String blockingQueueBothWays() throws InterruptedException {
    BlockingQueue<Object> q = new LinkedBlockingQueue<>();
    Queue<Object> asQueue = q;
    BlockingQueue<Object> back = new LinkedBlockingQueue<>();
    return across(
        () -> {
          asQueue.add(marked(new StringBuilder("viaQueue")));
          back.add(marked(new StringBuilder("viaBlockingQueue")));
        },
        () -> {
          try {
            String first = marked(q.take()).toString();
            Queue<Object> backAsQueue = back;
            return first + " " + marked(backAsQueue.poll());
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** A value found by containsValue was put by the other thread. */
  public static String containsValue() throws InterruptedException {
    Map<String, Object> m = new ConcurrentHashMap<>();
    Object value = new StringBuilder("value");
    return across(
        () -> {
          m.put("k", marked(value));
        },
        () -> {
          boolean found = m.containsValue(value);
          marked(value);
          return Boolean.toString(found);
        });
  }

  /**
   * A key found by containsKey, in maps whose containsKey reads the value (a ConcurrentHashMap, a
   * Hashtable): the value was put by the other thread.
   */
  public static String containsKey() throws InterruptedException {
    Map<String, Object> m = new ConcurrentHashMap<>();
    Map<String, Object> t = new Hashtable<>();
    Object inMap = new StringBuilder("inMap");
    Object inTable = new StringBuilder("inTable");
    return across(
        () -> {
          m.put("k", marked(inMap));
          t.put("k", marked(inTable));
        },
        () -> {
          boolean found = m.containsKey("k") && t.containsKey("k") && !m.containsKey("other");
          marked(inMap);
          marked(inTable);
          return Boolean.toString(found);
        });
  }

  /** A synchronized map's containsKey is not followed: what it found stays unordered. */
  public static String containsKeyOfASynchronizedMap() throws InterruptedException {
    Map<String, Object> m = Collections.synchronizedMap(new HashMap<>());
    Object value = new StringBuilder("value");
    return across(
        () -> {
          m.put("k", marked(value));
        },
        () -> {
          boolean found = m.containsKey("k");
          marked(value);
          return Boolean.toString(found);
        });
  }

  /** replaceAll (a map's, a list's) receives on what its function is given. */
  public static String replaceAll() throws InterruptedException {
    Map<String, Object> m = new ConcurrentHashMap<>();
    List<Object> l = new CopyOnWriteArrayList<>();
    return across(
        () -> {
          m.put("k", marked(new StringBuilder("m")));
          l.add(marked(new StringBuilder("l")));
        },
        () -> {
          List<String> out = new ArrayList<>();
          m.replaceAll((k, v) -> out.add(marked(v).toString()) ? v : v);
          l.replaceAll(e -> out.add(marked(e).toString()) ? e : e);
          return String.join(" ", out);
        });
  }

  /**
   * Synchronized views iterated under their lock, as the JDK requires: a list's elements, and a
   * map's values through its entry set, were added through the view by the other thread.
   */
  public static String synchronizedViewsIterated() throws InterruptedException {
    List<Object> l = Collections.synchronizedList(new ArrayList<>());
    Map<String, Object> m = Collections.synchronizedMap(new HashMap<>());
    return across(
        () -> {
          l.add(marked(new StringBuilder("l")));
          m.put("k", marked(new StringBuilder("m")));
        },
        () -> {
          List<String> out = new ArrayList<>();
          synchronized (l) {
            for (Object o : l) {
              out.add(marked(o).toString());
            }
          }
          synchronized (m) {
            for (Map.Entry<String, Object> e : m.entrySet()) {
              out.add(marked(e.getValue()).toString());
            }
          }
          return String.join(" ", out);
        });
  }

  /**
   * A synchronized view iterated or streamed without its lock (a race in the program) stays
   * unordered.
   */
  public static String synchronizedViewIteratedWithoutItsLock() throws InterruptedException {
    List<Object> l = Collections.synchronizedList(new ArrayList<>());
    List<Object> streamed = Collections.synchronizedList(new ArrayList<>());
    return across(
        () -> {
          l.add(marked(new StringBuilder("l")));
          streamed.add(marked(new StringBuilder("streamed")));
        },
        () -> {
          List<String> out = new ArrayList<>();
          for (Object o : l) {
            out.add(marked(o).toString());
          }
          streamed.stream().forEach(o -> out.add(marked(o).toString()));
          return String.join(" ", out);
        });
  }

  /**
   * Streams of a concurrent map's values and entries, of a concurrent list (in parallel too), and
   * of a synchronized list under its lock: each element was placed by the other thread.
   */
  public static String streams() throws InterruptedException {
    Map<String, Object> m = new ConcurrentHashMap<>();
    List<Object> l = new CopyOnWriteArrayList<>();
    List<Object> parallel = new CopyOnWriteArrayList<>();
    List<Object> sync = Collections.synchronizedList(new ArrayList<>());
    return across(
        () -> {
          m.put("value", marked(new StringBuilder("value")));
          m.put("entry", marked(new StringBuilder("entry")));
          l.add(marked(new StringBuilder("l")));
          parallel.add(marked(new StringBuilder("parallel")));
          sync.add(marked(new StringBuilder("sync")));
        },
        () -> {
          List<String> out = new ArrayList<>();
          m.values().stream()
              .filter(v -> v.toString().equals("value"))
              .forEach(v -> out.add(marked(v).toString()));
          m.entrySet().stream()
              .filter(e -> e.getKey().equals("entry"))
              .forEach(e -> out.add(marked(e.getValue()).toString()));
          out.add(l.stream().map(o -> marked(o).toString()).findFirst().orElse("none"));
          out.add(
              parallel.parallelStream().map(o -> marked(o).toString()).reduce("", String::concat));
          synchronized (sync) {
            out.add(sync.stream().map(o -> marked(o).toString()).findFirst().orElse("none"));
          }
          return String.join(" ", out);
        });
  }

  /** An iterator's forEachRemaining and a collection's removeIf receive on what they are given. */
  public static String remainingAndRemoveIf() throws InterruptedException {
    List<Object> l = new CopyOnWriteArrayList<>();
    Queue<Object> q = new ConcurrentLinkedQueue<>();
    return across(
        () -> {
          l.add(marked(new StringBuilder("l")));
          q.add(marked(new StringBuilder("q")));
        },
        () -> {
          List<String> out = new ArrayList<>();
          l.iterator().forEachRemaining(o -> out.add(marked(o).toString()));
          q.removeIf(o -> out.add(marked(o).toString()));
          return String.join(" ", out);
        });
  }

  /** A subclass of the program's own keeps the guarantee of the JDK collection it extends. */
  public static String subclassMap() throws InterruptedException {
    Map<String, Object> m = new Subclassed();
    return across(
        () -> {
          m.putAll(Map.of("a", marked(new StringBuilder("a"))));
        },
        () -> {
          return marked(m.get("a")).toString();
        });
  }

  private static final class Subclassed extends ConcurrentHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
  }

  /**
   * A future put into a map is not completed by the put: the thread that joins it, having seen the
   * put only through a flag the recorder does not see, is not ordered after what the putter did.
   */
  public static String futureInMap() throws InterruptedException {
    Map<String, Object> m = new ConcurrentHashMap<>();
    CompletableFuture<String> f = new CompletableFuture<>();
    f.complete("done");
    Object work = new StringBuilder("work");
    return across(
        () -> {
          marked(work);
          m.put("f", f);
        },
        () -> {
          String got = f.join();
          marked(work);
          return got;
        });
  }

  /** A HashMap hands nothing over: its objects stay unordered. */
  public static String plainMap() throws InterruptedException {
    Map<String, Object> m = new HashMap<>();
    return across(
        () -> {
          m.putAll(Map.of("a", marked(new StringBuilder("a"))));
        },
        () -> {
          return name(marked(m.get("a")));
        });
  }
}
