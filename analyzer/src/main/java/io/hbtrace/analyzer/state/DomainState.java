package io.hbtrace.analyzer.state;

import io.hbtrace.analyzer.util.IdTable;
import io.hbtrace.traces.event.BlockFill;
import io.hbtrace.traces.event.Crash;
import io.hbtrace.traces.event.DioComplete;
import io.hbtrace.traces.event.DioWriteBegin;
import io.hbtrace.traces.event.DioWriteEnd;
import io.hbtrace.traces.event.DiskWrite;
import io.hbtrace.traces.event.DisksizeUpdate;
import io.hbtrace.traces.event.EndIo;
import io.hbtrace.traces.event.EventHandler;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Fill;
import io.hbtrace.traces.event.Invalidation;
import io.hbtrace.traces.event.Mount;
import io.hbtrace.traces.event.OrphanAdd;
import io.hbtrace.traces.event.OrphanDel;
import io.hbtrace.traces.event.PageDirty;
import io.hbtrace.traces.event.PageInsert;
import io.hbtrace.traces.event.PageInvalidate;
import io.hbtrace.traces.event.PageUptodate;
import io.hbtrace.traces.event.PageWriteback;
import io.hbtrace.traces.event.SizeSample;
import io.hbtrace.traces.event.SizeUpdate;
import io.hbtrace.traces.event.TruncateBegin;
import io.hbtrace.traces.event.TruncateEnd;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The domain as the trace shows it, per inode of the current filesystem scope: sizes, orphan list
 * membership, direct writes with the work their completions did, cache fills and page states.
 * Checks read it; it is updated before they see each event.
 *
 * <p>Memory: writes are dropped once returned and seen by every live thread in the must-order
 * (nothing later can race with them), pages once removed from the cache with no write in flight;
 * everything in-memory goes at a crash or a new mount.
 *
 * <p>Longer than most files here: one handler per domain event kind, each a few lines, over the
 * same per-inode tables; split, the tables would have to be shared.
 */
public final class DomainState implements EventHandler {
  /** Writes kept per inode before the oldest returned ones are dropped regardless. */
  static final int MAX_RETAINED_WRITES = 256;

  /** The kinds this state follows: it is given no others (most events change nothing here). */
  public static final Set<EventKind> KINDS =
      Collections.unmodifiableSet(
          EnumSet.of(
              EventKind.MOUNT,
              EventKind.CRASH,
              EventKind.DIO_WRITE_BEGIN,
              EventKind.DIO_WRITE_END,
              EventKind.END_IO,
              EventKind.DIO_COMPLETE,
              EventKind.PAGE_INVALIDATE,
              EventKind.SIZE_UPDATE,
              EventKind.DISKSIZE_UPDATE,
              EventKind.ORPHAN_ADD,
              EventKind.ORPHAN_DEL,
              EventKind.TRUNCATE_BEGIN,
              EventKind.TRUNCATE_END,
              EventKind.DISK_WRITE,
              EventKind.PAGE_INSERT,
              EventKind.SIZE_SAMPLE,
              EventKind.BLOCK_FILL,
              EventKind.PAGE_UPTODATE,
              EventKind.PAGE_DIRTY,
              EventKind.PAGE_WRITEBACK));

  private final Clocks clocks;
  private final Geometry geometry;
  private final Long2ObjectOpenHashMap<InodeState> inodes = new Long2ObjectOpenHashMap<>();
  private final IdTable<ThreadContext> threads = new IdTable<>();
  private long fs = Long.MIN_VALUE;
  private long droppedWrites;
  private WriteOp justDone;
  private InodeState lastInode; // the inode found last, or null

  public DomainState(Clocks clocks, Geometry geometry) {
    this.clocks = clocks;
    this.geometry = geometry;
  }

  public Geometry geometry() {
    return geometry;
  }

  /** The inode's state, created on first use. */
  public InodeState inode(long ino) {
    InodeState s = lastInode; // most events are about the inode of the one before
    return s != null && s.ino == ino ? s : findInode(ino);
  }

  private InodeState findInode(long ino) {
    InodeState s = inodes.get(ino);
    if (s == null) {
      s = new InodeState(ino);
      inodes.put(ino, s);
    }
    lastInode = s;
    return s;
  }

  /** All inodes of the current scope. */
  public Iterable<InodeState> inodes() {
    return inodes.values();
  }

  /** The write thread {@code t} is submitting or completing, or null. */
  public WriteOp currentWrite(int t) {
    return context(t).current();
  }

  /** The cache fill thread {@code t} is in, or null. */
  public ReadPageOp currentFill(int t) {
    return context(t).filling;
  }

  /**
   * The write the current DIO_WRITE_END or DIO_COMPLETE event finished (returned, and completed if
   * its completion was not waited for), or null. Valid while checks handle that event.
   */
  public WriteOp justDone() {
    return justDone;
  }

  /** Writes dropped because too many were retained (the predictive horizon was cut). */
  public long droppedWrites() {
    return droppedWrites;
  }

  @Override
  public void onMount(Mount e) {
    geometry.set(e.blockSize(), e.pageSize());
    if (e.fs() != fs) {
      fs = e.fs();
      inodes.clear();
      lastInode = null;
    }
    forgetInMemory();
  }

  @Override
  public void onCrash(Crash e) {
    forgetInMemory();
  }

  @Override
  public void onDioWriteBegin(DioWriteBegin e) {
    InodeState inode = inode(e.ino());
    retire(inode);
    WriteOp w = new WriteOp(e, clocks);
    inode.writes.add(w);
    context(e.thread()).submitted = w;
  }

  @Override
  public void onDioWriteEnd(DioWriteEnd e) {
    ThreadContext c = context(e.thread());
    WriteOp w = c.submitted;
    justDone = null;
    if (w != null && w.ino == e.ino()) {
      w.end = Occurrence.of(e, clocks);
      c.submitted = null;
      justDone = w.done() ? w : null;
    }
  }

  @Override
  public void onEndIo(EndIo e) {
    ThreadContext c = context(e.thread());
    WriteOp w = c.submitted;
    if (w == null || w.ino != e.ino() || w.pos != e.pos()) {
      w = inFlight(e.ino(), e.pos());
      if (w == null) {
        return;
      }
      c.completing = w;
    }
    w.endIo = Occurrence.of(e, clocks);
    w.completionThread = e.thread();
  }

  @Override
  public void onDioComplete(DioComplete e) {
    ThreadContext c = context(e.thread());
    WriteOp w = c.current();
    justDone = null;
    if (w != null && w.ino == e.ino()) {
      w.dioComplete = Occurrence.of(e, clocks);
      if (w.completionThread == 0) {
        w.completionThread = e.thread();
      }
      justDone = w.returned() && w.done() ? w : null;
    }
    c.completing = null;
  }

  @Override
  public void onPageInvalidate(PageInvalidate e) {
    InodeState inode = inode(e.ino());
    if (e.phase() == Invalidation.PHASE_POST_IO) {
      WriteOp w = writeOf(e.thread(), e.ino());
      if (w != null) {
        w.postIoInvalidations.put(e.index(), Occurrence.of(e, clocks));
      }
    }
    if (e.outcome() == Invalidation.REMOVED) {
      PageState p = inode.pages.get(e.index());
      if (p != null) {
        p.present = false;
        p.dirty = false;
        p.fill = null;
        if (inode.writes.isEmpty()) {
          inode.pages.remove(e.index());
        }
      }
    }
  }

  @Override
  public void onSizeUpdate(SizeUpdate e) {
    InodeState inode = inode(e.ino());
    inode.size = e.newSize();
    Occurrence o = Occurrence.of(e, clocks);
    inode.lastSizeUpdate = o;
    WriteOp w = writeOf(e.thread(), e.ino());
    if (w != null && w.sizeUpdate == null && e.newSize() > w.sizeBefore) {
      // the first publish is the direct IO's; a later one is a buffered fallback's own
      w.sizeUpdate = o;
    }
  }

  @Override
  public void onDisksizeUpdate(DisksizeUpdate e) {
    inode(e.ino()).diskSize = e.newSize();
    WriteOp w = writeOf(e.thread(), e.ino());
    if (w != null) {
      w.disksizeUpdate = Occurrence.of(e, clocks);
    }
  }

  @Override
  public void onOrphanAdd(OrphanAdd e) {
    InodeState inode = inode(e.ino());
    Occurrence o = Occurrence.of(e, clocks);
    inode.onOrphanList = true;
    inode.orphanAddedBy = o;
    WriteOp w = writeOf(e.thread(), e.ino());
    if (w != null && w.orphanAdd == null) {
      w.orphanAdd = o;
    }
  }

  @Override
  public void onOrphanDel(OrphanDel e) {
    InodeState inode = inode(e.ino());
    inode.onOrphanList = false;
    WriteOp w = writeOf(e.thread(), e.ino());
    if (w != null && w.orphanDel == null) {
      w.orphanDel = Occurrence.of(e, clocks);
    }
  }

  @Override
  public void onTruncateBegin(TruncateBegin e) {
    inode(e.ino()).truncatingThreads++;
    WriteOp w = writeOf(e.thread(), e.ino());
    if (w != null && w.truncate == null) {
      w.truncate = Occurrence.of(e, clocks);
    }
  }

  @Override
  public void onTruncateEnd(TruncateEnd e) {
    InodeState inode = inode(e.ino());
    inode.truncatingThreads = Math.max(0, inode.truncatingThreads - 1);
  }

  @Override
  public void onDiskWrite(DiskWrite e) {
    WriteOp w = writeOf(e.thread(), e.ino());
    if (w != null && w.dioComplete == null) {
      w.directDiskWrites.add(Occurrence.of(e, clocks));
    }
  }

  @Override
  public void onPageInsert(PageInsert e) {
    PageState p = inode(e.ino()).page(e.index(), geometry.blocksPerPage());
    ReadPageOp rp = new ReadPageOp(e.ino(), e.index(), Occurrence.of(e, clocks));
    p.present = true;
    p.dirty = false;
    p.fill = rp;
    Arrays.fill(p.fillSeq, -1);
    Arrays.fill(p.fillBy, null);
    p.remember(rp);
    context(e.thread()).filling = rp;
  }

  @Override
  public void onSizeSample(SizeSample e) {
    ReadPageOp rp = fillOf(e.thread(), e.ino(), e.index());
    if (rp != null && rp.sample == null) {
      rp.sample = Occurrence.of(e, clocks);
      rp.sampledSize = e.size();
    }
  }

  @Override
  public void onBlockFill(BlockFill e) {
    PageState p = inode(e.ino()).page(e.index(), geometry.blocksPerPage());
    if (e.block() >= 0 && e.block() < p.fillSeq.length) {
      p.fillSeq[e.block()] = e.seq();
      p.fillSource[e.block()] = e.source();
      p.fillBy[e.block()] = Occurrence.of(e, clocks);
    }
    ReadPageOp rp = fillOf(e.thread(), e.ino(), e.index());
    if (rp != null && e.source() == Fill.ZERO_PAST_EOF) {
      rp.zeroFills.add(Occurrence.of(e, clocks));
    }
  }

  @Override
  public void onPageUptodate(PageUptodate e) {
    ThreadContext c = context(e.thread());
    ReadPageOp rp = fillOf(e.thread(), e.ino(), e.index());
    if (rp != null) {
      rp.uptodate = Occurrence.of(e, clocks);
    }
    if (c.filling == rp) {
      c.filling = null;
    }
  }

  @Override
  public void onPageDirty(PageDirty e) {
    PageState p = inode(e.ino()).page(e.index(), geometry.blocksPerPage());
    p.present = true;
    p.dirty = true;
    // a buffered write changed some blocks: what readpage filled them with no longer says anything
    Arrays.fill(p.fillSeq, -1);
    Arrays.fill(p.fillBy, null);
  }

  @Override
  public void onPageWriteback(PageWriteback e) {
    PageState p = inode(e.ino()).pages.get(e.index());
    if (p != null) {
      p.dirty = false;
    }
  }

  /** Number of writes, pages and thread contexts held (for memory tests). */
  public int size() {
    int n = 0;
    for (InodeState s : inodes.values()) {
      n += 1 + s.writes.size() + s.pages.size();
    }
    return n;
  }

  private WriteOp writeOf(int thread, long ino) {
    WriteOp w = context(thread).current();
    return w != null && w.ino == ino ? w : null;
  }

  private ReadPageOp fillOf(int thread, long ino, long index) {
    ReadPageOp rp = context(thread).filling;
    if (rp != null && rp.ino == ino && rp.index == index) {
      return rp;
    }
    PageState p = inode(ino).pages.get(index);
    return p == null ? null : p.fill;
  }

  private WriteOp inFlight(long ino, long pos) {
    InodeState inode = inodes.get(ino);
    if (inode == null) {
      return null;
    }
    for (int i = inode.writes.size() - 1; i >= 0; i--) {
      WriteOp w = inode.writes.get(i);
      if (w.pos == pos && w.dioComplete == null) {
        return w;
      }
    }
    return null;
  }

  /** Drops writes that can no longer take part in a finding. */
  private void retire(InodeState inode) {
    Iterator<WriteOp> it = inode.writes.iterator();
    while (it.hasNext()) {
      WriteOp w = it.next();
      if (w.done() && (w.sizeUpdate == null || clocks.mustSeenByAllLive(w.sizeUpdate.must()))) {
        it.remove();
      }
    }
    while (inode.writes.size() > MAX_RETAINED_WRITES && inode.writes.get(0).returned()) {
      inode.writes.remove(0);
      droppedWrites++;
    }
  }

  private void forgetInMemory() {
    for (InodeState s : inodes.values()) {
      s.writes.clear();
      s.pages.clear();
      s.onOrphanList = false;
      s.truncatingThreads = 0;
    }
    threads.clear();
  }

  private ThreadContext context(int t) {
    ThreadContext c = threads.get(t);
    return c != null ? c : newContext(t);
  }

  private ThreadContext newContext(int t) {
    ThreadContext c = new ThreadContext();
    threads.put(t, c);
    return c;
  }
}
