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
    return t == null ? "thread-" + tid : t.name();
  }
}
