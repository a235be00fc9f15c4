package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.Operation;
import io.hbtrace.analyzer.report.Severity;
import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.analyzer.state.WriteOp;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.TruncateBegin;
import java.util.EnumSet;
import java.util.Set;

/**
 * O2: after a short or failed extending write, the blocks past the new end must be freed (the
 * failed-write truncate) before the orphan entry goes; removing it first leaves a window in which a
 * crash keeps blocks past EOF that no recovery frees (cf. the DAX fix dda898d7ffe8).
 */
final class OrphanDelBeforeTruncate implements Check {
  private final CheckContext ctx;

  OrphanDelBeforeTruncate(CheckContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Set<EventKind> kinds() {
    return EnumSet.of(EventKind.TRUNCATE_BEGIN);
  }

  /** Decided at the failed-write truncate: a crash may come before the write returns. */
  @Override
  public void onTruncateBegin(TruncateBegin e) {
    WriteOp w = ctx.domain.currentWrite(e.thread());
    if (e.reason() != 1 || w == null || w.ino != e.ino() || w.orphanDel == null) {
      return;
    }
    Finding f =
        new Finding(
                "o2",
                Severity.ERROR,
                w.ino,
                "orphan removed before the short-write truncate",
                w.orphanDel.event().site() + ":" + e.site())
            .value("write", "[" + w.pos + ", " + w.endOffset() + ")")
            .value("newSize", e.newSize())
            .observed(true);
    f.operation(Operation.of("writer", w.begin, "extending direct write begins"));
    if (w.orphanAdd != null) {
      f.operation(Operation.of("writer", w.orphanAdd, "orphan added"));
    }
    f.operation(Operation.of("writer", w.orphanDel, "orphan removed"));
    f.operation(
        Operation.of(
            "writer",
            Occurrence.of(e, ctx.clocks),
            "truncate of the blocks past the new end begins"));
    f.reason(
        "The write came up short, so blocks past its new end must be truncated; the orphan entry"
            + " that makes recovery free them was removed first. A crash in between leaves blocks"
            + " past EOF.");
    ctx.findings.add(f);
  }
}
