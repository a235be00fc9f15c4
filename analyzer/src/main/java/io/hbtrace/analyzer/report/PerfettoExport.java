package io.hbtrace.analyzer.report;

import io.hbtrace.analyzer.Symbols;
import io.hbtrace.analyzer.state.TracedObjects;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Handoff;
import io.hbtrace.traces.event.Ops;
import java.io.IOException;
import java.io.Writer;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * A trace as Chrome's Trace Event Format JSON, which ui.perfetto.dev and chrome://tracing open: one
 * track per thread (named by {@code thread_name} metadata); operations (workload operations, runs,
 * direct and buffered reads and writes, truncates) and lock and monitor holds as slices; hand-offs,
 * thread starts and joins as short slices, with a flow arrow from each send to the receive that
 * follows it on the same channel; every other event as an instant with its fields in {@code args};
 * and, given findings, their operations marked on a track of their own and in the events' args.
 *
 * <p><b>Time.</b> A trace has no wall-clock time per event, only its order key (a global sequence
 * number consistent with happens-before). {@code ts} is that order key read as microseconds: one
 * microsecond on the timeline is one recorded event, so a gap shows how many events other threads
 * recorded meanwhile, not how long anything took. Slices cut to keep a thread's slices nested
 * reopen half a step later.
 *
 * <p><b>Streaming.</b> Events are written as they are read. What is kept: per thread, its open
 * slices; per live object, what {@link LiveObjects} keeps (a lock's role and last taker, a
 * channel's last send). Memory grows with threads and live objects, never with the trace's length.
 */
public final class PerfettoExport {
  /** Which events to write: order keys in {@code [from, to]}, of the threads the test accepts. */
  public record Window(long from, long to, IntPredicate threads) {
    /** Every event. */
    public static Window all() {
      return new Window(0, Long.MAX_VALUE, t -> true);
    }
  }

  private final TraceEventWriter out;
  private final Symbols symbols;
  private final Window window;
  private final FindingMarks marks;
  private final Map<String, Object> about;
  private final ThreadSlices slices = new ThreadSlices();
  private final LiveObjects objects = new LiveObjects();
  private final BitSet decided = new BitSet();
  private final BitSet wanted = new BitSet();
  private final BitSet named = new BitSet();
  private boolean entered;
  private long last = -1;
  private long events;
  private long flows;
  private long cut;
  private long unmatched;

  /**
   * Starts the output: the process's name and, if there are findings, their track.
   *
   * @param processName what the viewer calls the recorded program
   * @param about facts about the trace for {@code otherData} (path, program, variant, ...)
   */
  public PerfettoExport(
      Writer w,
      Symbols symbols,
      String processName,
      Map<String, ?> about,
      Window window,
      FindingMarks marks)
      throws IOException {
    this.out = new TraceEventWriter(w);
    this.symbols = symbols;
    this.window = window;
    this.marks = marks;
    this.about = new LinkedHashMap<>(about);
    out.metadata(TraceEventWriter.PROGRAM, 0, "process_name", "name", processName);
    if (marks.findings() > 0) {
      out.metadata(TraceEventWriter.FINDINGS, 0, "process_name", "name", "hbtrace findings");
      out.metadata(TraceEventWriter.FINDINGS, 1, "thread_name", "name", "findings");
    }
  }

  /**
   * Takes the next event in order-key order. Returns false once past the window's end: nothing
   * after it is written, so the caller may stop reading.
   */
  public boolean accept(Event e) throws IOException {
    long seq = e.seq();
    if (seq > window.to()) {
      return false;
    }
    last = seq;
    EventKind k = e.kind();
    if (k == EventKind.OBJECT_ROLE) {
      String role = symbols.string((int) e.field(1));
      objects.role(e.field(0), new LiveObjects.Role(role, e.field(2), e.field(3)));
    }
    if (!entered && seq >= window.from()) {
      entered = true;
      reopenOpenSlices();
    }
    int tid = e.thread();
    boolean wantedThread = wanted(tid);
    boolean show = entered && wantedThread;
    List<FindingMarks.Mark> m = entered ? marks.at(seq) : List.of();
    if (show) {
      named(tid);
      events++;
    }
    EventSlices.Pair pair = EventSlices.pair(k);
    if (pair != null && pair.begins()) {
      if (wantedThread) {
        begin(e, show, m);
      }
    } else if (pair != null) {
      end(e, pair.begin(), show, m);
    } else if (show) {
      switch (k) {
        case HANDOFF_SEND, HANDOFF_RECEIVE, THREAD_START, THREAD_JOIN -> sync(e, m);
        default ->
            out.instant(TraceEventWriter.PROGRAM, tid, seq, k.recordName(), cat(k), args(e, m));
      }
    }
    if (k == EventKind.HANDOFF_SEND) {
      objects.send(
          TracedObjects.channel(e.field(0), (int) e.field(1)),
          new LiveObjects.Send(seq, tid, show));
    } else if (k == EventKind.OBJECT_FREE) {
      objects.free(e.field(0));
    }
    for (FindingMarks.Mark mark : m) {
      mark.write(out, symbols.threadName(e.thread()));
    }
    return true;
  }

  /**
   * Ends the output: slices still open are closed one step after the last event taken (marked
   * {@code unfinished}), then {@code otherData} says what the timeline means and what was cut.
   */
  public void finish() throws IOException {
    if (entered) {
      for (int tid : slices.threads()) {
        List<ThreadSlices.Open> open = slices.open(tid);
        for (int i = open.size() - 1; i >= 0; i--) {
          out.end(tid, last + 1, g -> g.writeBooleanField("unfinished", true));
        }
      }
    }
    Map<String, Object> data = new LinkedHashMap<>(about);
    data.put("ts", "the order key (global sequence number) as microseconds: 1 us = 1 event");
    data.put("exportedEvents", events);
    data.put("handoffFlows", flows);
    data.put("slicesCutToNest", cut);
    data.put("endsWithoutBegin", unmatched);
    out.finish(data);
  }

  /** Adds a fact to {@code otherData} (e.g. that the trace was torn). */
  public void note(String key, Object value) {
    about.put(key, value);
  }

  /** Events written so far (trace events, not trace-event-format records). */
  public long exportedEvents() {
    return events;
  }

  private void begin(Event e, boolean show, List<FindingMarks.Mark> m) throws IOException {
    int tid = e.thread();
    ThreadSlices.Open o =
        new ThreadSlices.Open(e.kind().code(), e.field(0), sliceName(e), cat(e.kind()), e.seq());
    if (EventSlices.isHold(e.kind())) {
      objects.taken(e.field(0), tid);
    }
    if (!slices.open(tid, o)) {
      if (show) {
        out.instant(TraceEventWriter.PROGRAM, tid, e.seq(), o.name, o.cat, args(e, m));
      }
    } else if (show) {
      out.begin(tid, e.seq(), o.name, o.cat, args(e, m));
    }
  }

  /**
   * Closes the slice an end event ends: on its own thread, or, for a lock released by another
   * thread than took it (a page unlocked at I/O completion), on the taker's; slices opened above it
   * are cut and reopened so that the thread's slices stay nested.
   */
  private void end(Event e, EventKind begin, boolean show, List<FindingMarks.Mark> m)
      throws IOException {
    int tid = e.thread();
    long seq = e.seq();
    long key = e.field(0);
    int holder = tid;
    List<ThreadSlices.Open> closed = wanted(tid) ? slices.close(tid, begin.code(), key) : null;
    if (closed == null && EventSlices.isHold(begin) && objects.holder(key) >= 0) {
      holder = objects.holder(key);
      closed = wanted(holder) ? slices.close(holder, begin.code(), key) : null;
    }
    if (closed == null) {
      unmatched++;
    }
    if ((closed == null || holder != tid) && show) {
      out.instant(
          TraceEventWriter.PROGRAM, tid, seq, e.kind().recordName(), cat(e.kind()), args(e, m));
    }
    objects.released(key, holder);
    if (closed == null) {
      return;
    }
    if (!entered) {
      return;
    }
    int on = holder;
    named(on);
    List<ThreadSlices.Open> above = closed.subList(0, closed.size() - 1);
    for (int i = above.size() - 1; i >= 0; i--) {
      out.end(on, seq, g -> g.writeNumberField("cutAt", seq));
    }
    if (on == tid) {
      out.end(on, seq, args(e, m));
    } else {
      String by = symbols.threadName(tid);
      out.end(on, seq, g -> g.writeStringField("releasedBy", by));
    }
    for (ThreadSlices.Open o : above) {
      o.ts = seq + 0.5;
      cut++;
      out.begin(on, o.ts, o.name, o.cat, g -> g.writeNumberField("began", o.began));
    }
  }

  /** A hand-off, start or join: a one-step slice; a receive also gets its flow arrow. */
  private void sync(Event e, List<FindingMarks.Mark> m) throws IOException {
    int tid = e.thread();
    String name =
        switch (e.kind()) {
          case HANDOFF_SEND -> "send " + Handoff.name((int) e.field(1));
          case HANDOFF_RECEIVE -> "receive " + Handoff.name((int) e.field(1));
          case THREAD_START -> "start " + symbols.threadName((int) e.field(0));
          default -> "join " + symbols.threadName((int) e.field(0));
        };
    out.complete(tid, e.seq(), 1, name, "sync", args(e, m));
    if (e.kind() == EventKind.HANDOFF_RECEIVE) {
      LiveObjects.Send send = objects.lastSend(TracedObjects.channel(e.field(0), (int) e.field(1)));
      if (send != null && send.shown()) {
        long id = ++flows;
        out.flow(true, send.tid(), send.seq() + 0.5, id, "handoff");
        out.flow(false, tid, e.seq() + 0.5, id, "handoff");
      }
    }
  }

  /** At the window's start, the slices already open on the exported threads, as they began. */
  private void reopenOpenSlices() throws IOException {
    for (int tid : slices.threads()) {
      named(tid);
      for (ThreadSlices.Open o : slices.open(tid)) {
        out.begin(tid, o.ts, o.name, o.cat, g -> g.writeNumberField("began", o.began));
      }
    }
  }

  private String sliceName(Event e) {
    long id = e.field(0);
    return switch (e.kind()) {
      case LOCK_ACQUIRE, MONITOR_ENTER -> {
        LiveObjects.Role r = objects.role(id);
        String what = e.kind() == EventKind.LOCK_ACQUIRE ? "lock " : "monitor ";
        yield r != null ? r.name() : what + id;
      }
      case OP_BEGIN -> "op " + Ops.name((int) id);
      case RUN_BEGIN -> "run " + id;
      default -> e.kind().recordName().replace("Begin", "");
    };
  }

  private TraceEventWriter.Args args(Event e, List<FindingMarks.Mark> m) {
    boolean hold = e.kind() == EventKind.LOCK_ACQUIRE || e.kind() == EventKind.MONITOR_ENTER;
    return EventArgs.of(e, symbols, hold ? objects.role(e.field(0)) : null, m);
  }

  private static String cat(EventKind k) {
    return k.family().name().toLowerCase(Locale.ROOT);
  }

  private boolean wanted(int tid) {
    if (!decided.get(tid)) {
      decided.set(tid);
      wanted.set(tid, window.threads().test(tid));
    }
    return wanted.get(tid);
  }

  private void named(int tid) throws IOException {
    if (!named.get(tid)) {
      named.set(tid);
      out.metadata(TraceEventWriter.PROGRAM, tid, "thread_name", "name", symbols.threadName(tid));
    }
  }
}
