package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.Operation;
import io.hbtrace.analyzer.report.Severity;
import io.hbtrace.analyzer.state.InodeState;
import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.analyzer.state.WriteOp;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Unmount;
import java.util.EnumSet;
import java.util.Set;

/**
 * O1, orphan leak: an inode added to the orphan list for an extending write must be off the list
 * when that write is over (no other write in flight on the inode), and the list must be empty at
 * unmount (ext4_put_super asserts it). When delalloc had already moved i_disksize past the write,
 * the leak is reported by O5 instead.
 */
final class OrphanLeak extends WriteDoneCheck {
  OrphanLeak(CheckContext ctx) {
    super(ctx);
  }

  @Override
  public Set<EventKind> kinds() {
    return EnumSet.of(EventKind.DIO_WRITE_END, EventKind.DIO_COMPLETE, EventKind.UNMOUNT);
  }

  @Override
  void check(WriteOp w) {
    if (w == null || w.orphanAdd == null) {
      return;
    }
    InodeState inode = ctx.domain.inode(w.ino);
    if (!inode.onOrphanList
        || otherWriteInFlight(inode, w)
        || OrphanKeptAfterDelalloc.applies(w, inode)) {
      return;
    }
    Finding f =
        new Finding(
                "o1",
                Severity.ERROR,
                w.ino,
                "orphan leaked: the write returned with its inode still on the orphan list",
                w.orphanAdd.event().site() + ":" + w.end.event().site())
            .value("write", "[" + w.pos + ", " + w.endOffset() + ")")
            .value("result", w.written())
            .observed(true);
    f.operation(Operation.of("writer", w.begin, "extending direct write begins"));
    f.operation(Operation.of("writer", w.orphanAdd, "orphan added"));
    f.operation(
        Operation.of("writer", w.end, "write returns " + w.written() + ", orphan still listed"));
    f.reason(
        "Every path out of an extending write must remove the orphan entry it added (or leave"
            + " it to a truncate that does); this one returned without doing so. ext4_put_super"
            + " would find it at unmount.");
    ctx.findings.add(f);
  }

  @Override
  public void onUnmount(Unmount e) {
    boolean any = false;
    for (InodeState inode : ctx.domain.inodes()) {
      if (!inode.onOrphanList) {
        continue;
      }
      any = true;
      Occurrence added = inode.orphanAddedBy;
      String site = added == null ? "0" : String.valueOf(added.event().site());
      Finding f =
          new Finding(
                  "o1",
                  Severity.ERROR,
                  inode.ino,
                  "orphan leaked: still on the orphan list at unmount",
                  site + ":unmount")
              .observed(true);
      if (added != null) {
        f.operation(Operation.of("adder", added, "orphan added"));
      }
      f.operation(Operation.of("unmount", Occurrence.of(e, ctx.clocks), "unmount finds it listed"));
      f.reason(
          "The inode was never removed from the orphan list; ext4_put_super dumps and asserts.");
      ctx.findings.add(f);
    }
    if (!any && e.orphansLeft() > 0) {
      Finding f =
          new Finding("o1", Severity.ERROR, 0, "orphans left at unmount", e.site() + ":count")
              .value("orphansLeft", e.orphansLeft())
              .observed(true);
      f.operation(Operation.of("unmount", Occurrence.of(e, ctx.clocks), "unmount"));
      f.reason(e.orphansLeft() + " inodes were still on the orphan list at unmount.");
      ctx.findings.add(f);
    }
  }

  private static boolean otherWriteInFlight(InodeState inode, WriteOp w) {
    for (WriteOp other : inode.writes) {
      if (other != w && !other.done()) {
        return true;
      }
    }
    return false;
  }
}
