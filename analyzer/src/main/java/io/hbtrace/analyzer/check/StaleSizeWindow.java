package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.Operation;
import io.hbtrace.analyzer.report.Severity;
import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.analyzer.state.PageState;
import io.hbtrace.analyzer.state.ReadPageOp;
import io.hbtrace.analyzer.state.WriteOp;
import io.hbtrace.traces.event.BufferedReadEnd;
import io.hbtrace.traces.event.Crash;
import io.hbtrace.traces.event.DioComplete;
import io.hbtrace.traces.event.DioWriteEnd;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Invalidation;
import io.hbtrace.traces.event.Mount;
import io.hbtrace.traces.event.PageInvalidate;
import io.hbtrace.traces.event.PageUptodate;
import io.hbtrace.traces.event.SizeSample;
import io.hbtrace.traces.event.SizeUpdate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * S2, the stale-i_size window, predictively. For an extending write W (post-IO invalidation {@code
 * INV} of page p, i_size update {@code SIZE}) and a cache fill R of a page p holding bytes W puts
 * beyond the size it started from (insert {@code INS}, i_size sample {@code SMP}), R can fall into
 * the window iff some reordering that keeps every must-order puts {@code INV < INS} and {@code SMP
 * < SIZE}. Since {@code INS} precedes {@code SMP} in R, adding those two edges makes a cycle
 * exactly when {@code INS ≤ INV}, {@code SIZE ≤ SMP} or {@code SIZE ≤ INV} in the must-order; the
 * finding is reported when none holds — whatever value R sampled in this run.
 *
 * <p>With the buggy ordering INV precedes SIZE in W, so every fill not forced before or after W is
 * flagged; with the fix SIZE precedes INV, and no fill ever is.
 *
 * <p>A pair is decided once, when the later of INV and SMP arrives; if W has not yet published its
 * size the pair waits for it, and is dropped if W ends without publishing one. A finding whose
 * reader fell into the window in this run is held until the reader's fill ends: the zero-fills that
 * show the corruption come after the sample, and may come after SIZE.
 */
final class StaleSizeWindow implements Check {
  private final CheckContext ctx;
  private final Map<WriteOp, List<Pending>> waiting = new IdentityHashMap<>();

  private record Pending(ReadPageOp fill, Occurrence inv) {}

  /** Findings held until their reader's fill ends (see the class comment); a handful at most. */
  private final List<Flagged> unfinished = new ArrayList<>(2);

  private record Flagged(WriteOp write, ReadPageOp fill, Occurrence inv, Occurrence size) {}

  StaleSizeWindow(CheckContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Set<EventKind> kinds() {
    return EnumSet.of(
        EventKind.PAGE_INVALIDATE,
        EventKind.SIZE_SAMPLE,
        EventKind.SIZE_UPDATE,
        EventKind.DIO_WRITE_END,
        EventKind.DIO_COMPLETE,
        EventKind.PAGE_UPTODATE,
        EventKind.BUFFERED_READ_END,
        EventKind.MOUNT,
        EventKind.CRASH);
  }

  @Override
  public void onSizeSample(SizeSample e) {
    ReadPageOp fill = ctx.domain.currentFill(e.thread());
    if (fill == null || fill.sample == null || fill.sample.event() != e) {
      return;
    }
    for (WriteOp w : ctx.domain.inode(e.ino()).writes) {
      Occurrence inv = w.postIoInvalidations.get(e.index());
      if (inv != null && relevant(w, e.index())) {
        consider(w, fill, inv);
      }
    }
  }

  @Override
  public void onPageInvalidate(PageInvalidate e) {
    if (e.phase() != Invalidation.PHASE_POST_IO) {
      return;
    }
    WriteOp w = ctx.domain.currentWrite(e.thread());
    if (w == null || w.ino != e.ino() || !relevant(w, e.index())) {
      return;
    }
    Occurrence inv = w.postIoInvalidations.get(e.index());
    PageState page = ctx.domain.inode(e.ino()).pages.get(e.index());
    if (inv == null || page == null) {
      return;
    }
    for (ReadPageOp fill : page.recentFills) {
      if (fill.sample != null && fill.insert.seq() < e.seq()) {
        consider(w, fill, inv);
      }
    }
  }

  @Override
  public void onSizeUpdate(SizeUpdate e) {
    WriteOp w = ctx.domain.currentWrite(e.thread());
    if (w != null && w.sizeUpdate != null && w.sizeUpdate.event() == e) {
      List<Pending> pending = waiting.remove(w);
      if (pending != null) {
        for (Pending p : pending) {
          decide(w, p.fill(), p.inv());
        }
      }
    }
  }

  @Override
  public void onDioWriteEnd(DioWriteEnd e) {
    dropFinished();
  }

  @Override
  public void onDioComplete(DioComplete e) {
    dropFinished();
  }

  @Override
  public void onPageUptodate(PageUptodate e) {
    reportUnfinished(f -> f.fill().uptodate != null);
  }

  @Override
  public void onBufferedReadEnd(BufferedReadEnd e) {
    reportUnfinished(f -> f.fill().thread() == e.thread()); // a fill that ended without uptodate
  }

  @Override
  public void onMount(Mount e) {
    waiting.clear();
    reportUnfinished(f -> true);
  }

  @Override
  public void onCrash(Crash e) {
    waiting.clear();
    reportUnfinished(f -> true);
  }

  @Override
  public void finish() {
    reportUnfinished(f -> true);
  }

  private boolean relevant(WriteOp w, long index) {
    return w.extendsSize() && w.writesBeyondSizeIn(index, ctx.geometry);
  }

  private void consider(WriteOp w, ReadPageOp fill, Occurrence inv) {
    if (w.sizeUpdate != null) {
      decide(w, fill, inv);
    } else {
      waiting.computeIfAbsent(w, k -> new ArrayList<>(2)).add(new Pending(fill, inv));
    }
  }

  /** A write that ended without publishing a size has no window: forget its waiting pairs. */
  private void dropFinished() {
    if (!waiting.isEmpty()) { // most writes publish their size at once: nothing waits
      waiting.keySet().removeIf(WriteOp::done);
    }
  }

  private void decide(WriteOp w, ReadPageOp fill, Occurrence inv) {
    Occurrence size = w.sizeUpdate;
    boolean insForcedBeforeInv = fill.insert.mustPrecede(inv);
    boolean sampleForcedAfterSize = size.mustPrecede(fill.sample);
    boolean sizeForcedBeforeInv = size.mustPrecede(inv);
    if (insForcedBeforeInv || sampleForcedAfterSize || sizeForcedBeforeInv) {
      return;
    }
    if (fellIn(w, fill, inv, size) && fill.uptodate == null) {
      unfinished.add(new Flagged(w, fill, inv, size));
    } else {
      report(w, fill, inv, size);
    }
  }

  /** True if in this run the reader sampled the old size between the invalidation and SIZE. */
  private static boolean fellIn(WriteOp w, ReadPageOp fill, Occurrence inv, Occurrence size) {
    return inv.seq() < fill.insert.seq()
        && fill.sample.seq() < size.seq()
        && fill.sampledSize < w.endOffset();
  }

  private void reportUnfinished(Predicate<Flagged> ended) {
    if (unfinished.isEmpty()) {
      return;
    }
    for (Iterator<Flagged> it = unfinished.iterator(); it.hasNext(); ) {
      Flagged f = it.next();
      if (ended.test(f)) {
        it.remove();
        report(f.write(), f.fill(), f.inv(), f.size());
      }
    }
  }

  private void report(WriteOp w, ReadPageOp fill, Occurrence inv, Occurrence size) {
    long from = w.beyondStart();
    long to = w.endOffset();
    boolean fellIn = fellIn(w, fill, inv, size);
    List<Occurrence> zeroed = new ArrayList<>();
    for (Occurrence z : fill.zeroFills) {
      long block = z.event().field(2);
      long start = ctx.geometry.blockStart(fill.index, (int) block);
      if (start < to && start + ctx.geometry.blockBytesInPage() > from) {
        zeroed.add(z);
      }
    }
    String key = inv.event().site() + ":" + size.event().site() + ":" + fill.sample.event().site();
    if (!ctx.findings.countAgain("s2", key, fellIn && !zeroed.isEmpty())) {
      build(w, fill, inv, size, key, fellIn, zeroed);
    }
  }

  private void build(
      WriteOp w,
      ReadPageOp fill,
      Occurrence inv,
      Occurrence size,
      String key,
      boolean fellIn,
      List<Occurrence> zeroed) {
    Finding f =
        new Finding(
                "s2",
                Severity.ERROR,
                w.ino,
                "stale-i_size window: a read can cache zeros over data the write put on disk",
                key)
            .value("page", fill.index)
            .value("write", "[" + w.pos + ", " + w.endOffset() + ")")
            .value("sizeBefore", w.sizeBefore)
            .value("newSize", size.event().field(2))
            .value("sampledSize", fill.sampledSize)
            .observed(fellIn && !zeroed.isEmpty());
    f.operation(Operation.of("writer", w.begin, "extending direct write begins"));
    f.operation(Operation.of("writer", inv, "post-IO invalidation passes page " + fill.index));
    f.operation(Operation.of("writer", size, "i_size published"));
    if (w.end != null) {
      f.operation(Operation.of("writer", w.end, "write returns"));
    }
    f.operation(Operation.of("reader", fill.insert, "page inserted on a read miss"));
    f.operation(Operation.of("reader", fill.sample, "readpage samples i_size once"));
    for (Occurrence z : zeroed) {
      f.operation(Operation.of("reader", z, "block zero-filled as past EOF"));
    }
    f.reason(
        "The writer publishes i_size only after its post-IO invalidation, so a cache fill between"
            + " the two samples the old size and caches zeros for bytes already on disk.");
    f.reason(Orderings.unordered("the invalidation", inv, "the reader's page insert", fill.insert));
    f.reason(
        Orderings.unordered("the reader's i_size sample", fill.sample, "the i_size update", size));
    if (fellIn) {
      f.reason(
          "This run: the reader sampled i_size="
              + fill.sampledSize
              + " after the invalidation and before the update to "
              + size.event().field(2)
              + (zeroed.isEmpty() ? "." : ", and zero-filled bytes the write had put on disk."));
    } else {
      f.reason(
          "This run: the reader did not fall into the window (it sampled i_size="
              + fill.sampledSize
              + "), but nothing forces that order: no wrong byte was cached this time.");
    }
    ctx.findings.add(f);
  }

  int waitingPairs() {
    int n = 0;
    for (List<Pending> l : waiting.values()) {
      n += l.size();
    }
    return n;
  }
}
