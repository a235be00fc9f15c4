package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.Operation;
import io.hbtrace.analyzer.report.Severity;
import io.hbtrace.analyzer.state.ObjectRoles;
import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.traces.event.DisksizeUpdate;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.OrphanAdd;
import io.hbtrace.traces.event.OrphanDel;
import java.util.EnumSet;
import java.util.Set;

/**
 * O3: the orphan list and i_disksize change only under the inode lock. ext4_orphan_add/del warn
 * unless someone holds i_rwsem (lenient: an error here); newer code asserts the changing thread
 * holds it for write (strict: a warning here when only that fails) — the rule an extending AIO
 * completed on a workqueue thread without FORCE_WAIT breaks.
 *
 * <p>The inode lock is the object the trace names with role {@value ObjectRoles#INODE_LOCK}. An
 * i_disksize change by delalloc writeback is protected by i_data_sem instead (role {@value
 * ObjectRoles#DATA_SEM}) held for write by the changing thread, as ext4_update_i_disksize requires;
 * an i_disksize set with no journal handle is the inode being loaded, which is exempt.
 */
final class OrphanUnlocked implements Check {
  private final CheckContext ctx;

  OrphanUnlocked(CheckContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Set<EventKind> kinds() {
    return EnumSet.of(EventKind.ORPHAN_ADD, EventKind.ORPHAN_DEL, EventKind.DISKSIZE_UPDATE);
  }

  @Override
  public void onOrphanAdd(OrphanAdd e) {
    check(e, e.ino(), "orphan added");
  }

  @Override
  public void onOrphanDel(OrphanDel e) {
    check(e, e.ino(), "orphan removed");
  }

  @Override
  public void onDisksizeUpdate(DisksizeUpdate e) {
    if (e.txn() == 0) {
      return; // no handle: the inode being loaded (ext4_iget), which the kernel exempts
    }
    long dataSem = ctx.roles.dataSem(e.ino());
    if (dataSem != 0 && ctx.holdings.heldExclusivelyBy(e.thread(), dataSem)) {
      return;
    }
    check(e, e.ino(), "i_disksize changed");
  }

  private void check(Event e, long ino, String what) {
    long lock = ctx.roles.inodeLock(ino);
    if (lock == 0) {
      ctx.warn(
          "o3: the trace names no inode lock (role "
              + ObjectRoles.INODE_LOCK
              + ") for inode "
              + ino
              + "; not checked");
      return;
    }
    boolean anyone = ctx.holdings.heldByAnyone(lock);
    boolean mineForWrite = ctx.holdings.heldExclusivelyBy(e.thread(), lock);
    if (mineForWrite) {
      return;
    }
    Severity severity = anyone ? Severity.WARNING : Severity.ERROR;
    String title =
        anyone
            ? what + " without holding the inode lock for write (another thread holds it)"
            : what + " with nobody holding the inode lock";
    Finding f =
        new Finding("o3", severity, ino, title, e.site() + ":" + (anyone ? "strict" : "lenient"))
            .value("thread", ctx.symbols.threadName(e.thread()))
            .observed(true);
    f.operation(Operation.of("changer", Occurrence.of(e, ctx.clocks), what));
    f.reason(
        anyone
            ? "The "
                + ctx.roles.describe(lock)
                + " is held, but not by this thread for write: newer ext4 asserts i_rwsem held for"
                + " write on this path."
            : "Nobody holds the "
                + ctx.roles.describe(lock)
                + ": ext4_orphan_add/del warn, and a concurrent truncate or write can interleave.");
    ctx.findings.add(f);
  }
}
