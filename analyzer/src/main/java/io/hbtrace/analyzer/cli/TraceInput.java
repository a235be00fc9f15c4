package io.hbtrace.analyzer.cli;

import io.hbtrace.analyzer.SourceSite;
import io.hbtrace.analyzer.Symbols;
import io.hbtrace.traces.Site;
import io.hbtrace.traces.ThreadInfo;
import io.hbtrace.traces.TraceException;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.event.Event;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.io.Closeable;
import java.nio.file.Path;

/**
 * An open trace for the commands: the reader, with its names offered as {@link Symbols}, and every
 * reader failure turned into a one-line {@link CliException} with exit code {@link
 * ExitCodes#TRACE}.
 */
final class TraceInput implements Symbols, Closeable {
  private final TraceReader reader;
  private final Int2ObjectOpenHashMap<SourceSite> sites = new Int2ObjectOpenHashMap<>();

  private TraceInput(TraceReader reader) {
    this.reader = reader;
  }

  static TraceInput open(Path path) throws CliException {
    try {
      return new TraceInput(TraceReader.open(path));
    } catch (TraceException e) {
      throw new CliException(ExitCodes.TRACE, e.getMessage(), e);
    }
  }

  TraceReader reader() {
    return reader;
  }

  /** The next event in order, or null at the end of the readable trace. */
  Event next() throws CliException {
    try {
      return reader.next();
    } catch (TraceException e) {
      throw new CliException(ExitCodes.TRACE, e.getMessage(), e);
    }
  }

  /** The recorded workload's variant: from the metadata, else its {@code --variant} argument. */
  String variant() {
    String v = reader.start().metadata().get("variant");
    if (v != null) {
      return v;
    }
    var args = reader.start().arguments();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--variant") && i + 1 < args.size()) {
        return args.get(i + 1);
      }
      if (args.get(i).startsWith("--variant=")) {
        return args.get(i).substring("--variant=".length());
      }
    }
    return "";
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

  @Override
  public void close() {
    reader.close();
  }
}
