package io.hbtrace.analyzer;

import io.hbtrace.traces.Site;
import io.hbtrace.traces.ThreadInfo;
import io.hbtrace.traces.TraceReader;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;

/** The names of an open trace, as {@link Symbols}: strings, sites (cached) and thread names. */
public final class TraceSymbols implements Symbols {
  private final TraceReader reader;
  private final Int2ObjectOpenHashMap<SourceSite> sites = new Int2ObjectOpenHashMap<>();

  public TraceSymbols(TraceReader reader) {
    this.reader = reader;
  }

  @Override
  public String string(int id) {
    String s = reader.string(id);
    return s == null ? "?" : s;
  }

  @Override
  public SourceSite site(int id) {
    if (id == 0) {
      return SourceSite.UNKNOWN;
    }
    SourceSite s = sites.get(id);
    if (s == null) {
      Site raw = reader.site(id);
      s =
          raw == null
              ? SourceSite.UNKNOWN
              : new SourceSite(raw.className(), raw.method(), raw.sourceFile(), raw.line());
      sites.put(id, s);
    }
    return s;
  }

  @Override
  public String threadName(int tid) {
    ThreadInfo t = reader.thread(tid);
    return t == null ? "thread-" + tid : shown(t.name(), tid);
  }

  /** Longest thread name shown, in characters; a longer one is cut, ending in an ellipsis. */
  static final int LONGEST_NAME = 100;

  /**
   * A thread's name as reports show it, one line each: control characters escaped as a Java string
   * literal would write them, cut after {@link #LONGEST_NAME} characters; an unnamed thread (a
   * virtual thread's default) is {@code #tid}.
   */
  static String shown(String name, int tid) {
    if (name.isEmpty()) {
      return "#" + tid;
    }
    StringBuilder b = new StringBuilder();
    int i = 0;
    for (; i < name.length() && b.length() < LONGEST_NAME; i++) {
      char c = name.charAt(i);
      switch (c) {
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : c);
      }
    }
    return i < name.length() ? b.append('…').toString() : b.toString();
  }
}
