package io.hbtrace.agent.testing;

import io.hbtrace.traces.Site;
import io.hbtrace.traces.StartRecord;
import io.hbtrace.traces.ThreadInfo;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A trace read back with the real {@link TraceReader}, in the shape the agent's tests check. */
public final class ReadTrace {
  public final StartRecord start;
  public final boolean ended;
  public final boolean truncated;
  public final List<MemoryTraceOutput.Ev> events = new ArrayList<>();
  public final Map<Integer, String> threads = new HashMap<>();
  public final Map<Integer, Site> sites = new HashMap<>();
  private final Map<Integer, String> strings = new HashMap<>();

  private ReadTrace(TraceReader r) throws Exception {
    start = r.start();
    for (Event e; (e = r.next()) != null; ) {
      long[] f = new long[6];
      for (int i = 0; i < e.kind().arity(); i++) {
        f[i] = e.field(i);
      }
      events.add(new MemoryTraceOutput.Ev(e.seq(), e.thread(), e.site(), e.kind(), f));
      if (e.site() > 0) {
        sites.computeIfAbsent(e.site(), r::site);
      }
    }
    for (ThreadInfo t : r.threads()) {
      threads.put(t.tid(), t.name());
    }
    for (MemoryTraceOutput.Ev e : events) {
      if (e.kind() == EventKind.VOLATILE_WRITE || e.kind() == EventKind.VOLATILE_READ) {
        strings.computeIfAbsent((int) e.f(0), r::string);
      }
      if (e.kind() == EventKind.OBJECT_ROLE) {
        strings.computeIfAbsent((int) e.f(1), r::string);
      }
    }
    truncated = r.truncated();
    ended = r.end().isPresent();
  }

  public static ReadTrace read(Path dir) throws Exception {
    try (TraceReader r = TraceReader.open(dir)) {
      return new ReadTrace(r);
    }
  }

  public String string(int id) {
    return strings.get(id);
  }

  public Map<String, String> meta() {
    return start.metadata();
  }

  public List<MemoryTraceOutput.Ev> events(EventKind... kinds) {
    List<EventKind> ks = List.of(kinds);
    return events.stream().filter(e -> ks.contains(e.kind())).toList();
  }
}
