package io.hbtrace.analyzer.cli;

import io.hbtrace.analyzer.ReadAhead;
import io.hbtrace.analyzer.SourceSite;
import io.hbtrace.analyzer.Symbols;
import io.hbtrace.analyzer.TraceSymbols;
import io.hbtrace.traces.TraceException;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.io.Closeable;
import java.nio.file.Path;

/**
 * An open trace for the commands: the reader, with its names offered as {@link Symbols}, and every
 * reader failure turned into a one-line {@link CliException} with exit code {@link
 * ExitCodes#TRACE}.
 */
final class TraceInput implements Symbols, Closeable {
  private final TraceReader reader;
  private final TraceSymbols names;
  private ReadAhead ahead;

  private TraceInput(TraceReader reader) {
    this.reader = reader;
    this.names = new TraceSymbols(reader);
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

  /**
   * The next event in order, or null at the end of the readable trace. Decoding runs ahead on a
   * reader thread ({@link ReadAhead}), overlapping with what the caller does with each event.
   */
  Event next() throws CliException {
    if (ahead == null) {
      ahead = new ReadAhead(reader);
    }
    try {
      return ahead.next();
    } catch (TraceException e) {
      throw new CliException(ExitCodes.TRACE, e.getMessage(), e);
    }
  }

  /** The kind of the event {@link #next} returned last (see {@link ReadAhead#kind}). */
  EventKind kind() {
    return ahead.kind();
  }

  /** The thread of the event {@link #next} returned last. */
  int thread() {
    return ahead.thread();
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
    return names.string(id);
  }

  @Override
  public SourceSite site(int id) {
    return names.site(id);
  }

  @Override
  public String threadName(int tid) {
    return names.threadName(tid);
  }

  @Override
  public void close() {
    if (ahead != null) {
      ahead.close();
    }
    reader.close();
  }
}
