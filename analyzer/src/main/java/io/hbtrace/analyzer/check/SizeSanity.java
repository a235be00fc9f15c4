package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.Operation;
import io.hbtrace.analyzer.report.Severity;
import io.hbtrace.analyzer.state.InodeState;
import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.traces.event.Crash;
import io.hbtrace.traces.event.DisksizeUpdate;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Mount;
import io.hbtrace.traces.event.SizeUpdate;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.EnumSet;
import java.util.Set;

/**
 * S5, size sanity: i_size never moves backwards outside a truncation; i_disksize never exceeds
 * i_size outside a truncation (the syzbot case of a completion racing a truncate); and two i_size
 * updates of one inode are ordered by happens-before (i_size_write needs its writers serialised: by
 * the inode lock, or a spinlock as XFS does).
 */
final class SizeSanity implements Check {
  private final CheckContext ctx;
  private final Long2ObjectOpenHashMap<Occurrence> previous = new Long2ObjectOpenHashMap<>();

  SizeSanity(CheckContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Set<EventKind> kinds() {
    return EnumSet.of(
        EventKind.SIZE_UPDATE, EventKind.DISKSIZE_UPDATE, EventKind.MOUNT, EventKind.CRASH);
  }

  @Override
  public void onMount(Mount e) {
    previous.clear();
  }

  @Override
  public void onCrash(Crash e) {
    previous.clear();
  }

  @Override
  public void onSizeUpdate(SizeUpdate e) {
    InodeState inode = ctx.domain.inode(e.ino());
    Occurrence now = inode.lastSizeUpdate;
    if (e.newSize() < e.oldSize() && inode.truncatingThreads == 0) {
      ctx.findings.add(
          finding("i_size moved backwards outside a truncation", e.ino(), e.site() + ":back", now)
              .value("oldSize", e.oldSize())
              .value("newSize", e.newSize())
              .reason(
                  "i_size went from "
                      + e.oldSize()
                      + " down to "
                      + e.newSize()
                      + " with no truncation in progress."));
    }
    Occurrence before = previous.put(e.ino(), now);
    if (before != null && before.thread() != now.thread() && !before.observedBefore(now)) {
      ctx.findings.add(
          finding(
                  "unserialised i_size updates",
                  e.ino(),
                  before.event().site() + ":" + e.site(),
                  now)
              .operation(
                  Operation.of("updater", before, "i_size set to " + before.event().field(2)))
              .reason(
                  "Two threads wrote i_size with no lock or other ordering between them: i_size_write"
                      + " writers must be serialised (the inode lock, or a spinlock as XFS uses)."));
    }
  }

  @Override
  public void onDisksizeUpdate(DisksizeUpdate e) {
    InodeState inode = ctx.domain.inode(e.ino());
    if (inode.lastSizeUpdate != null && e.newSize() > inode.size && inode.truncatingThreads == 0) {
      ctx.findings.add(
          finding(
                  "i_disksize raised above i_size",
                  e.ino(),
                  e.site() + ":disk",
                  Occurrence.of(e, ctx.clocks))
              .value("diskSize", e.newSize())
              .value("size", inode.size)
              .operation(Operation.of("updater", inode.lastSizeUpdate, "i_size is " + inode.size))
              .reason(
                  "The on-disk size "
                      + e.newSize()
                      + " exceeds the in-memory i_size "
                      + inode.size
                      + "."));
    }
  }

  private Finding finding(String title, long ino, String key, Occurrence at) {
    Finding f = new Finding("s5", Severity.ERROR, ino, title, key);
    f.operation(Operation.of("updater", at, at.event().kind().recordName()));
    return f;
  }
}
