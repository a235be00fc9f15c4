package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.Operation;
import io.hbtrace.analyzer.report.Severity;
import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.analyzer.state.PageState;
import io.hbtrace.analyzer.state.ReadPageOp;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Fill;
import io.hbtrace.traces.event.Verify;
import java.util.EnumSet;
import java.util.Set;

/**
 * S4: the workload compared what it read with what it wrote and they differed — what generic/418
 * itself sees. When the wrong byte came from a cached page, the fill that put it there is shown.
 */
final class WrongBytesReturned implements Check {
  private final CheckContext ctx;

  WrongBytesReturned(CheckContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Set<EventKind> kinds() {
    return EnumSet.of(EventKind.VERIFY);
  }

  @Override
  public void onVerify(Verify e) {
    if (e.badOffset() < 0) {
      return;
    }
    long index = ctx.geometry.pageOf(e.badOffset());
    PageState page = ctx.domain.inode(e.ino()).pages.get(index);
    ReadPageOp fill = page == null ? null : page.fill;
    String fillSite =
        fill == null || fill.sample == null ? "0" : String.valueOf(fill.sample.event().site());
    String key = e.site() + ":" + fillSite;
    if (!ctx.findings.countAgain("s4", key, true)) {
      report(e, index, page, fill, key);
    }
  }

  private void report(Verify e, long index, PageState page, ReadPageOp fill, String key) {
    Finding f =
        new Finding("s4", Severity.ERROR, e.ino(), "wrong bytes returned to a reader", key)
            .value("offset", e.badOffset())
            .value("expected", e.expected())
            .value("actual", e.actual())
            .value("range", "[" + e.pos() + ", " + (e.pos() + e.len()) + ")")
            .observed(true);
    f.operation(Operation.of("reader", Occurrence.of(e, ctx.clocks), "verify fails"));
    if (fill != null) {
      f.operation(
          Operation.of("filler", fill.insert, "page " + index + " inserted on a read miss"));
      if (fill.sample != null) {
        f.operation(
            Operation.of("filler", fill.sample, "readpage samples i_size=" + fill.sampledSize));
      }
      for (Occurrence z : fill.zeroFills) {
        f.operation(Operation.of("filler", z, "block zero-filled as past EOF"));
      }
      int block =
          (int) ((e.badOffset() - ctx.geometry.pageStart(index)) / ctx.geometry.blockBytesInPage());
      if (block < page.fillSource.length && page.fillSeq[block] >= 0) {
        f.reason(
            "The byte at offset "
                + e.badOffset()
                + " came from page "
                + index
                + " of the page cache, whose block "
                + block
                + " was filled as "
                + Fill.name(page.fillSource[block])
                + (fill.sampledSize >= 0
                    ? " by a readpage that sampled i_size=" + fill.sampledSize
                    : "")
                + ".");
      }
    }
    f.reason(
        "Expected byte 0x"
            + Integer.toHexString(e.expected() & 0xff)
            + ", read 0x"
            + Integer.toHexString(e.actual() & 0xff)
            + " at offset "
            + e.badOffset()
            + ".");
    ctx.findings.add(f);
  }
}
