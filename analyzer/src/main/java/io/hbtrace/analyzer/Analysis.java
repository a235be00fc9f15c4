package io.hbtrace.analyzer;

import io.hbtrace.analyzer.check.Check;
import io.hbtrace.analyzer.check.CheckContext;
import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.state.DomainState;
import io.hbtrace.analyzer.state.DurableState;
import io.hbtrace.analyzer.state.Geometry;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventHandler;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.LockAcquire;
import io.hbtrace.traces.event.LockMode;
import io.hbtrace.traces.event.LockRelease;
import io.hbtrace.traces.event.MonitorEnter;
import io.hbtrace.traces.event.MonitorExit;
import io.hbtrace.traces.event.Mount;
import io.hbtrace.traces.event.ObjectFree;
import io.hbtrace.traces.event.ObjectRole;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Runs checks over one trace, streaming: each event updates the clocks and the shared state, then
 * goes to the checks that handle its kind. Memory depends on threads, locks and live pages, not on
 * the trace's length.
 */
public final class Analysis {
  private final CheckContext context;
  private final List<Check> checks = new ArrayList<>();
  private final EventHandler[][] byKind = new EventHandler[256][];
  private final long[] kindCounts = new long[256];
  private final BitSet threads = new BitSet();
  private long events;
  private long scopeFs = Long.MIN_VALUE;
  private int lastThread = -1;

  /** Default geometry when the trace has no MOUNT: 4 KiB blocks and pages. */
  public Analysis(Symbols symbols, List<CheckRegistry.Entry> selected) {
    this(symbols, selected, new Geometry(4096, 4096));
  }

  public Analysis(Symbols symbols, List<CheckRegistry.Entry> selected, Geometry geometry) {
    this.context = new CheckContext(symbols, geometry);
    for (CheckRegistry.Entry entry : selected) {
      checks.add(entry.factory().apply(context));
    }
    List<List<EventHandler>> table = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      table.add(new ArrayList<>());
    }
    for (EventKind k : EventKind.values()) {
      List<EventHandler> handlers = table.get(k.code());
      if (DomainState.KINDS.contains(k)) {
        handlers.add(context.domain);
      }
      if (DurableState.KINDS.contains(k)) {
        handlers.add(context.durable);
      }
      for (Check c : checks) {
        if (c.kinds().contains(k)) {
          handlers.add(c);
        }
      }
    }
    for (int i = 0; i < 256; i++) {
      byKind[i] = table.get(i).toArray(new EventHandler[0]);
    }
  }

  /** Feeds the next event, in order-key order. */
  public void accept(Event e) {
    accept(e, e.kind(), e.thread());
  }

  /**
   * Feeds the next event, in order-key order, with its kind and thread as the reader knew them
   * ({@link TraceReader#lastKind}, {@link ReadAhead#kind}): asking the event would be a call
   * through the {@code Event} interface, whose implementations are many, and it would cost an
   * itable stub on every event.
   */
  public void accept(Event e, EventKind kind, int thread) {
    events++;
    if (thread != lastThread) { // events come in runs of one thread
      threads.set(thread);
      lastThread = thread;
    }
    int code = kind.code();
    kindCounts[code]++;
    if (kind.family() == EventKind.Family.SYNC) {
      synchronization(e, kind, thread);
    } else if (kind == EventKind.MOUNT && ((Mount) e).fs() != scopeFs) {
      // a new file system: nothing after this compares with anything before it
      scopeFs = ((Mount) e).fs();
      context.clocks.reset();
    }
    for (EventHandler h : byKind[code]) {
      e.accept(h);
    }
  }

  /** Clocks, then lock holdings and object roles, over a synchronization event. */
  private void synchronization(Event e, EventKind kind, int thread) {
    context.clocks.apply(e, kind, thread);
    switch (kind) {
      case LOCK_ACQUIRE -> {
        LockAcquire a = (LockAcquire) e;
        context.holdings.acquired(thread, a.lock(), a.mode(), e.site());
      }
      case LOCK_RELEASE -> {
        LockRelease r = (LockRelease) e;
        context.holdings.released(thread, r.lock(), r.mode());
      }
      case MONITOR_ENTER ->
          context.holdings.acquired(
              thread, ((MonitorEnter) e).monitor(), LockMode.EXCLUSIVE, e.site());
      case MONITOR_EXIT ->
          context.holdings.released(thread, ((MonitorExit) e).monitor(), LockMode.EXCLUSIVE);
      case OBJECT_ROLE -> context.roles.onRole((ObjectRole) e);
      case OBJECT_FREE -> context.roles.onFree((ObjectFree) e);
      default -> {}
    }
  }

  /**
   * The kinds nothing in this analysis reads: no selected check or shared state handles them, and
   * they have no synchronization effect. A reader may read past them ({@link TraceReader#skip});
   * {@link #countSkipped} then adds them to the counts.
   */
  public Set<EventKind> unread() {
    Set<EventKind> unread = EnumSet.noneOf(EventKind.class);
    for (EventKind k : EventKind.values()) {
      // MOUNT resets the clocks; every synchronization kind but an id's first use (OBJECT_NEW)
      // changes a clock, a role or a holding
      boolean effect =
          k == EventKind.MOUNT
              || (k.family() == EventKind.Family.SYNC && k != EventKind.OBJECT_NEW);
      if (byKind[k.code()].length == 0 && !effect) {
        unread.add(k);
      }
    }
    return unread;
  }

  /**
   * Adds the events {@code reader} read past (see {@link #unread}) to the counts of events, kinds
   * and threads. Call it once, after the last event.
   */
  public void countSkipped(TraceReader reader) {
    for (EventKind k : EventKind.values()) {
      long n = reader.skipped(k);
      kindCounts[k.code()] += n;
      events += n;
    }
    threads.or(reader.skippedThreads());
  }

  /** Ends the analysis: lets checks report what only the end shows, and returns the findings. */
  public List<Finding> finish() {
    for (Check c : checks) {
      c.finish();
    }
    return context.findings.all();
  }

  public long events() {
    return events;
  }

  /** Number of distinct threads that recorded events. */
  public int threads() {
    return threads.cardinality();
  }

  /** Events seen of one kind. */
  public long count(EventKind kind) {
    return kindCounts[kind.code()];
  }

  /** Warnings about the analysis itself (e.g. an inode lock the trace never named). */
  public List<String> warnings() {
    List<String> w = new ArrayList<>(context.warnings());
    if (events() == 0) {
      w.add(
          "the trace holds no events: nothing the agent records happened in the classes its spec"
              + " included (a spec's include lines name them; the built-in spec names sample-fs"
              + " only)");
    } else if (!anyDomainEvent()) {
      w.add(
          "the trace holds no domain events (size updates, invalidations, cache fills, orphan"
              + " changes): the checks had nothing to look at; tracepoints in a spec name them");
    }
    int unbalanced = context.holdings.unbalanced();
    if (unbalanced > 0) {
      String held = context.holdings.unbalanced(true, context.symbols);
      String over = context.holdings.unbalanced(false, context.symbols);
      w.add(
          unbalanced
              + (unbalanced == 1 ? " lock or monitor was" : " locks or monitors were")
              + " taken and given back unequally often"
              + (held == null ? "" : "; still held at the end: " + held)
              + (over == null ? "" : "; given back more often than taken: " + over)
              + " (a thread that held it when the trace ended, or an acquire or release the agent did"
              + " not record: see the agent README's limits)");
    }
    if (context.domain.droppedWrites() > 0) {
      w.add(
          context.domain.droppedWrites()
              + " writes were dropped from the predictive horizon (threads that never synchronize)");
    }
    return w;
  }

  private boolean anyDomainEvent() {
    for (EventKind k : EventKind.values()) {
      if (k.family() == EventKind.Family.DOMAIN && kindCounts[k.code()] > 0) {
        return true;
      }
    }
    return false;
  }

  /** The shared state, for tests that check memory stays bounded. */
  public CheckContext context() {
    return context;
  }
}
