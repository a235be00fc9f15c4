package io.hbtrace.agent.testing;

import io.hbtrace.traces.event.EventKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the agent's {@code format=text} trace back ({@code TextTraceOutput}). */
public final class TextTrace {
  public final String startLine;
  public final Map<String, String> meta = new LinkedHashMap<>();
  public final Map<Integer, String> strings = new HashMap<>();
  public final Map<Integer, String> sites = new HashMap<>();
  public final Map<Integer, String> threads = new HashMap<>();
  public final List<MemoryTraceOutput.Ev> events = new ArrayList<>();
  public final boolean ended;

  private TextTrace(List<String> lines) {
    String start = null;
    boolean end = false;
    for (String l : lines) {
      String[] p = l.split(" ", 3);
      switch (p[0]) {
        case "start" -> start = l.substring(6);
        case "meta" -> meta.put(p[1], p.length > 2 ? p[2] : "");
        case "string" -> strings.put(Integer.parseInt(p[1]), p.length > 2 ? p[2] : "");
        case "site" -> sites.put(Integer.parseInt(p[1]), p[2]);
        case "thread" -> threads.put(Integer.parseInt(p[1]), p.length > 2 ? p[2] : "");
        case "event" -> {
          String[] f = l.split(" ");
          EventKind k = EventKind.valueOf(f[4]);
          long[] fields = new long[6];
          for (int i = 0; i < k.arity(); i++) {
            fields[i] = Long.parseLong(f[5 + i]);
          }
          events.add(
              new MemoryTraceOutput.Ev(
                  Long.parseLong(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), k, fields));
        }
        case "end" -> end = true;
        default -> throw new IllegalArgumentException("bad line: " + l);
      }
    }
    startLine = start;
    ended = end;
  }

  public static TextTrace read(Path dir) throws IOException {
    return new TextTrace(Files.readAllLines(dir.resolve("trace.txt"), StandardCharsets.UTF_8));
  }

  public List<MemoryTraceOutput.Ev> events(EventKind... kinds) {
    List<EventKind> ks = List.of(kinds);
    return events.stream().filter(e -> ks.contains(e.kind())).toList();
  }
}
