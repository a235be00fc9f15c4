package io.hbtrace.agent.record;

import io.hbtrace.agent.spec.Expr;
import io.hbtrace.agent.spec.Tracepoint;
import io.hbtrace.traces.event.EventKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The tracepoints of one instrumented method, compiled: what to record at entry and at exit, and
 * which {@code @enter} values to keep from entry to exit.
 */
public final class Probe {
  final int site;
  final Compiled[] atEnter;
  final Compiled[] atExit;
  final Capture[] enterCaptures;

  /** One tracepoint: its kind code and field captures in wire order. */
  static final class Compiled {
    final int kind;
    final Capture[] fields;
    final boolean normalExitOnly;

    Compiled(int kind, Capture[] fields, boolean normalExitOnly) {
      this.kind = kind;
      this.fields = fields;
      this.normalExitOnly = normalExitOnly;
    }
  }

  Probe(TraceOutput out, int site, List<Tracepoint> tracepoints) {
    this.site = site;
    List<Compiled> enter = new ArrayList<>();
    List<Compiled> exit = new ArrayList<>();
    List<Capture> kept = new ArrayList<>();
    for (Tracepoint t : tracepoints) {
      Capture[] fields = new Capture[t.fields().size()];
      for (int i = 0; i < fields.length; i++) {
        Expr e = t.fields().get(i);
        long constant = e.base() == Expr.Base.TEXT ? out.string(e.text()) : e.literal();
        int slot = -1;
        if (e.atEnter()) {
          slot = kept.size();
          kept.add(new Capture(e, constant, -1));
        }
        fields[i] = new Capture(e, constant, slot);
      }
      EventKind k = t.kind();
      (t.atExit() ? exit : enter).add(new Compiled(k.code(), fields, t.normalExitOnly()));
    }
    atEnter = enter.toArray(new Compiled[0]);
    atExit = exit.toArray(new Compiled[0]);
    enterCaptures = kept.toArray(new Capture[0]);
  }

  /** Whether the method needs an entry hook at all. */
  public boolean needsEnter() {
    return atEnter.length > 0 || enterCaptures.length > 0;
  }

  public boolean needsExit() {
    return atExit.length > 0;
  }
}
