package io.hbtrace.analyzer.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.hbtrace.analyzer.Symbols;
import io.hbtrace.traces.event.Event;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding's interleaving as SARIF's {@code codeFlows}: one code flow with one thread flow per
 * thread (in order of first appearance), each listing that thread's operations, and every step
 * numbered by its place in the trace ({@code executionOrder}), so a viewer can replay the
 * interleaving across the threads.
 */
final class SarifThreadFlows {
  private SarifThreadFlows() {}

  /** Writes {@code "codeFlows"} for operations already in trace order. */
  static void write(JsonGenerator g, List<Operation> ops, Symbols symbols) throws IOException {
    Map<Integer, List<Integer>> byThread = new LinkedHashMap<>();
    for (int i = 0; i < ops.size(); i++) {
      byThread.computeIfAbsent(ops.get(i).thread(), t -> new ArrayList<>()).add(i);
    }
    Map<String, Integer> names = new HashMap<>();
    for (int tid : byThread.keySet()) {
      names.merge(symbols.threadName(tid), 1, Integer::sum);
    }
    g.writeArrayFieldStart("codeFlows");
    g.writeStartObject();
    SarifReport.message(
        g,
        "message",
        "The operations in trace order, one thread flow per thread; executionOrder gives the"
            + " interleaving.");
    g.writeArrayFieldStart("threadFlows");
    for (Map.Entry<Integer, List<Integer>> t : byThread.entrySet()) {
      String name = symbols.threadName(t.getKey());
      String side = ops.get(t.getValue().get(0)).side();
      g.writeStartObject();
      g.writeStringField("id", names.get(name) > 1 ? name + "#" + t.getKey() : name);
      SarifReport.message(g, "message", name + " (" + side + ")");
      g.writeArrayFieldStart("locations");
      for (int i : t.getValue()) {
        Operation op = ops.get(i);
        Event e = op.event();
        g.writeStartObject();
        g.writeFieldName("location");
        SarifLocations.write(g, -1, symbols.site(e.site()), SarifReport.step(op, symbols));
        String kind = kind(e);
        if (kind != null) {
          g.writeArrayFieldStart("kinds");
          g.writeString(kind);
          g.writeEndArray();
        }
        g.writeNumberField("executionOrder", i + 1);
        g.writeObjectFieldStart("properties");
        g.writeNumberField("seq", e.seq());
        g.writeStringField("kind", e.kind().name());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
  }

  /** SARIF's well-known location kind for synchronization steps, or null. */
  private static String kind(Event e) {
    return switch (e.kind()) {
      case LOCK_ACQUIRE, MONITOR_ENTER -> "acquire";
      case LOCK_RELEASE, MONITOR_EXIT -> "release";
      default -> null;
    };
  }
}
