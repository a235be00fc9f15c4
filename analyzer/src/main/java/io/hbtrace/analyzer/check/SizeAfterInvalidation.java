package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.Operation;
import io.hbtrace.analyzer.report.Severity;
import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.analyzer.state.WriteOp;
import it.unimi.dsi.fastutil.longs.Long2ObjectMap;

/**
 * S1, structural: an extending write that completed without error must publish its i_size before
 * (happens-before) the post-IO invalidation of its range. Flags the buggy ordering on every
 * extending write, with or without a reader present.
 */
final class SizeAfterInvalidation extends WriteDoneCheck {
  SizeAfterInvalidation(CheckContext ctx) {
    super(ctx);
  }

  @Override
  void check(WriteOp w) {
    if (w == null || !w.extendsSize() || w.written() <= 0) {
      return;
    }
    for (Long2ObjectMap.Entry<Occurrence> entry : w.postIoInvalidations.long2ObjectEntrySet()) {
      long page = entry.getLongKey();
      Occurrence inv = entry.getValue();
      Occurrence size = w.sizeUpdate;
      if (!w.writesBeyondSizeIn(page, ctx.geometry) || (size != null && size.observedBefore(inv))) {
        continue;
      }
      int sizeSite = size == null ? 0 : size.event().site();
      String key = inv.event().site() + ":" + sizeSite;
      if (!ctx.findings.countAgain("s1", key, false)) {
        report(w, page, inv, key);
      }
    }
  }

  private void report(WriteOp w, long page, Occurrence inv, String key) {
    Occurrence size = w.sizeUpdate;
    Finding f =
        new Finding(
                "s1", Severity.ERROR, w.ino, "i_size published after the post-IO invalidation", key)
            .value("page", page)
            .value("write", "[" + w.pos + ", " + w.endOffset() + ")")
            .value("sizeBefore", w.sizeBefore);
    f.operation(Operation.of("writer", w.begin, "extending direct write begins"));
    f.operation(Operation.of("writer", inv, "post-IO invalidation of page " + page));
    if (size != null) {
      f.operation(Operation.of("writer", size, "i_size published"));
      f.reason(
          "The i_size update ("
              + ctx.where(size.event().site())
              + ") does not happen-before the post-IO invalidation ("
              + ctx.where(inv.event().site())
              + "): between them a cache fill can sample the old size.");
    } else {
      f.reason("The write extended the file but no i_size update by it was seen.");
    }
    f.operation(Operation.of("writer", w.end, "write returns " + w.written()));
    ctx.findings.add(f);
  }
}
