package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.Operation;
import io.hbtrace.analyzer.report.Severity;
import io.hbtrace.analyzer.state.Geometry;
import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.analyzer.state.PageState;
import io.hbtrace.analyzer.state.ReadPageOp;
import io.hbtrace.analyzer.state.WriteOp;
import io.hbtrace.traces.event.Fill;

/**
 * S3: when a direct write is over, no clean cached page may hold, for a block the write put on
 * disk, anything but what the disk now has. A block zero-filled (past EOF, hole, unwritten) is
 * stale; a block read from the device is stale if that read happened-before the write's device
 * write (a read concurrent with it may have seen either, and is not reported). The next read that
 * trusts the cache returns the wrong bytes. This is an observed fact of the run, not a prediction.
 */
final class CacheDiskIncoherence extends WriteDoneCheck {
  CacheDiskIncoherence(CheckContext ctx) {
    super(ctx);
  }

  @Override
  void check(WriteOp w) {
    if (w == null || w.written() <= 0 || w.directDiskWrites.isEmpty()) {
      return;
    }
    Geometry g = ctx.geometry;
    long from = w.pos;
    long to = w.pos + w.written();
    for (long index = g.pageOf(from); index <= g.pageOf(to - 1); index++) {
      PageState page = ctx.domain.inode(w.ino).pages.get(index);
      if (page == null || !page.present || page.dirty) {
        continue;
      }
      for (int b = 0; b < page.fillSeq.length; b++) {
        long start = g.blockStart(index, b);
        boolean inWrite = start < to && start + g.blockBytesInPage() > from;
        Occurrence disk = w.directDiskWriteCovering(start, start + g.blockBytesInPage());
        if (!inWrite || page.fillSeq[b] < 0 || disk == null) {
          continue;
        }
        boolean stale =
            page.fillSource[b] != Fill.DISK
                || (page.fillBy[b] != null && page.fillBy[b].observedBefore(disk));
        if (stale) {
          report(w, page, b, start);
          break;
        }
      }
    }
  }

  private void report(WriteOp w, PageState page, int block, long start) {
    ReadPageOp fill = page.fill;
    String fillSite = fill == null ? "0" : String.valueOf(fill.insert.event().site());
    String key = w.end.event().site() + ":" + fillSite;
    if (!ctx.findings.countAgain("s3", key, true)) {
      build(w, page, fill, block, start, key);
    }
  }

  private void build(
      WriteOp w, PageState page, ReadPageOp fill, int block, long start, String key) {
    Finding f =
        new Finding(
                "s3",
                Severity.ERROR,
                w.ino,
                "page cache disagrees with disk after the write returned",
                key)
            .value("page", page.index)
            .value("block", block)
            .value("offset", start)
            .value("write", "[" + w.pos + ", " + (w.pos + w.written()) + ")")
            .value("cachedFrom", Fill.name(page.fillSource[block]))
            .observed(true);
    f.operation(Operation.of("writer", w.begin, "direct write begins"));
    Occurrence inv = w.postIoInvalidations.get(page.index);
    if (inv != null) {
      f.operation(Operation.of("writer", inv, "post-IO invalidation of page " + page.index));
    }
    if (w.sizeUpdate != null) {
      f.operation(Operation.of("writer", w.sizeUpdate, "i_size published"));
    }
    f.operation(Operation.of("writer", w.end, "write returns " + w.written()));
    if (fill != null) {
      f.operation(Operation.of("reader", fill.insert, "page inserted on a read miss"));
      if (fill.sample != null) {
        f.operation(
            Operation.of("reader", fill.sample, "readpage samples i_size=" + fill.sampledSize));
      }
      for (Occurrence z : fill.zeroFills) {
        f.operation(Operation.of("reader", z, "block zero-filled as past EOF"));
      }
    }
    f.reason(
        "After the write returned, block "
            + block
            + " of page "
            + page.index
            + " is cached as "
            + Fill.name(page.fillSource[block])
            + " data while the disk holds what the write wrote: the next cached read returns"
            + " the wrong bytes.");
    ctx.findings.add(f);
  }
}
