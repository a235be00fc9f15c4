package io.hbtrace.analyzer.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Trace Event Format document the way a viewer reads it: every event well-formed for its
 * phase; at most one {@code thread_name} per thread and one for every thread with events; per
 * thread, after a stable sort by {@code ts}, every {@code B} closed by an {@code E} no earlier, and
 * every {@code X} inside the slice open around it; every flow id one {@code s} and one later {@code
 * f}, each inside a complete slice on its thread (what the arrow binds to).
 */
public final class TraceEventShape {
  private static final Set<String> PHASES = Set.of("M", "B", "E", "X", "i", "s", "f");

  private final List<String> problems = new ArrayList<>();

  private TraceEventShape() {}

  /** What is wrong with the document; empty if nothing. */
  public static List<String> problems(Object doc) {
    TraceEventShape s = new TraceEventShape();
    s.check(doc);
    return s.problems;
  }

  /** The events of a document, in file order. */
  public static List<Map<String, Object>> events(Object doc) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (Object e : JsonTree.array(JsonTree.at(doc, "traceEvents"))) {
      events.add(JsonTree.object(e));
    }
    return events;
  }

  /** An event's timestamp. */
  public static double ts(Map<String, Object> e) {
    return ((Number) e.get("ts")).doubleValue();
  }

  private void check(Object doc) {
    if (!(doc instanceof Map<?, ?> m) || !(m.get("traceEvents") instanceof List)) {
      problems.add("not a JSON object with a traceEvents array");
      return;
    }
    if (m.get("otherData") != null && !(m.get("otherData") instanceof Map)) {
      problems.add("otherData must be an object");
    }
    List<Map<String, Object>> events = events(doc);
    Map<String, Integer> names = new HashMap<>();
    Set<String> threads = new HashSet<>();
    Map<String, List<Map<String, Object>>> byThread = new HashMap<>();
    for (Map<String, Object> e : events) {
      String ph = String.valueOf(e.get("ph"));
      boolean ok =
          PHASES.contains(ph) && e.get("pid") instanceof Long && e.get("tid") instanceof Long;
      if (!ok) {
        problems.add("bad event " + e);
        continue;
      }
      String thread = e.get("pid") + "/" + e.get("tid");
      if (ph.equals("M")) {
        if ("thread_name".equals(e.get("name"))) {
          names.merge(thread, 1, Integer::sum);
        }
        continue;
      }
      if (!(e.get("ts") instanceof Number)) {
        problems.add("no ts: " + e);
        continue;
      }
      boolean named = !ph.equals("E") && !(e.get("name") instanceof String);
      if (named || (ph.equals("X") && !(e.get("dur") instanceof Number))) {
        problems.add("no name or dur: " + e);
      }
      if (ph.equals("i") && !Set.of("t", "p", "g").contains(e.get("s"))) {
        problems.add("instant without scope: " + e);
      }
      threads.add(thread);
      byThread.computeIfAbsent(thread, t -> new ArrayList<>()).add(e);
    }
    names.forEach((t, n) -> check(n == 1, "thread " + t + " named " + n + " times"));
    for (String t : threads) {
      check(names.containsKey(t), "thread " + t + " has events but no thread_name");
    }
    byThread.forEach(this::slices);
    flows(events, byThread);
  }

  private void slices(String thread, List<Map<String, Object>> events) {
    List<Map<String, Object>> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingDouble(TraceEventShape::ts)); // stable, as viewers sort
    Deque<double[]> open = new ArrayDeque<>(); // {begin ts, latest end of a child X}
    for (Map<String, Object> e : sorted) {
      String ph = (String) e.get("ph");
      double ts = ts(e);
      if (ph.equals("B")) {
        open.push(new double[] {ts, ts});
      } else if (ph.equals("E")) {
        double[] b = open.poll();
        if (b == null) {
          problems.add(thread + ": E without B at " + ts);
        } else {
          check(ts >= b[0] && ts >= b[1], thread + ": slice ends before it begins or a child does");
        }
      } else if (ph.equals("X") && !open.isEmpty()) {
        double end = ts + ((Number) e.get("dur")).doubleValue();
        open.peek()[1] = Math.max(open.peek()[1], end);
      }
    }
    check(open.isEmpty(), thread + ": " + open.size() + " slices never end");
  }

  private void flows(
      List<Map<String, Object>> events, Map<String, List<Map<String, Object>>> byThread) {
    Map<Object, List<Map<String, Object>>> byId = new HashMap<>();
    for (Map<String, Object> e : events) {
      if ("s".equals(e.get("ph")) || "f".equals(e.get("ph"))) {
        byId.computeIfAbsent(e.get("id"), id -> new ArrayList<>()).add(e);
      }
    }
    byId.forEach(
        (id, pair) -> {
          boolean paired =
              pair.size() == 2
                  && pair.get(0).get("ph").equals("s")
                  && pair.get(1).get("ph").equals("f")
                  && ts(pair.get(0)) < ts(pair.get(1));
          check(paired, "flow " + id + " is not one s followed by one later f");
          for (Map<String, Object> end : pair) {
            String thread = end.get("pid") + "/" + end.get("tid");
            boolean bound =
                byThread.getOrDefault(thread, List.of()).stream()
                    .anyMatch(
                        x ->
                            "X".equals(x.get("ph"))
                                && ts(x) <= ts(end)
                                && ts(end) <= ts(x) + ((Number) x.get("dur")).doubleValue());
            check(bound, "flow " + id + " " + end.get("ph") + " is inside no slice");
          }
        });
  }

  private void check(boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }
}
