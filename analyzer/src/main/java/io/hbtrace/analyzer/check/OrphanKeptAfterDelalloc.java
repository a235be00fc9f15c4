package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.Operation;
import io.hbtrace.analyzer.report.Severity;
import io.hbtrace.analyzer.state.InodeState;
import io.hbtrace.analyzer.state.WriteOp;

/**
 * O5: when delalloc writeback had already pushed i_disksize past an extending write's end, the
 * write has no size to update, but it must still remove the orphan entry it added.
 */
final class OrphanKeptAfterDelalloc extends WriteDoneCheck {
  OrphanKeptAfterDelalloc(CheckContext ctx) {
    super(ctx);
  }

  /** True if {@code w} is over, left its orphan listed, and never had a disk size to update. */
  static boolean applies(WriteOp w, InodeState inode) {
    return w.orphanAdd != null
        && inode.onOrphanList
        && w.disksizeUpdate == null
        && inode.diskSize >= w.endOffset();
  }

  @Override
  void check(WriteOp w) {
    if (w == null) {
      return;
    }
    InodeState inode = ctx.domain.inode(w.ino);
    if (!applies(w, inode)) {
      return;
    }
    Finding f =
        new Finding(
                "o5",
                Severity.ERROR,
                w.ino,
                "orphan not removed when delalloc already moved i_disksize",
                w.orphanAdd.event().site() + ":" + w.end.event().site())
            .value("write", "[" + w.pos + ", " + w.endOffset() + ")")
            .value("diskSize", inode.diskSize)
            .observed(true);
    f.operation(Operation.of("writer", w.begin, "extending direct write begins"));
    f.operation(Operation.of("writer", w.orphanAdd, "orphan added"));
    f.operation(Operation.of("writer", w.end, "write returns, orphan still listed"));
    f.reason(
        "i_disksize ("
            + inode.diskSize
            + ") already covered the write, so no size update was needed — but the orphan entry"
            + " still had to be removed.");
    ctx.findings.add(f);
  }
}
