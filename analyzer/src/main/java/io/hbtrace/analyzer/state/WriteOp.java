package io.hbtrace.analyzer.state;

import io.hbtrace.traces.event.DioFlags;
import io.hbtrace.traces.event.DioWriteBegin;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

/**
 * One direct-IO write as the trace shows it, from its DIO_WRITE_BEGIN to its return, including the
 * work its completion did on another thread (end_io, post-IO invalidation, size update).
 */
public final class WriteOp {
  public final Occurrence begin;
  public final long ino;
  public final long pos;
  public final long count;
  public final int flags;
  public final long sizeBefore;

  /** Post-IO invalidations of this write, by page index. */
  public final Long2ObjectOpenHashMap<Occurrence> postIoInvalidations =
      new Long2ObjectOpenHashMap<>(4);

  public Occurrence endIo;
  public Occurrence dioComplete;

  /**
   * The first i_size update in this write (the one that publishes its direct IO; a buffered
   * fallback publishes its own bytes later), if any.
   */
  public Occurrence sizeUpdate;

  public Occurrence end;
  public Occurrence orphanAdd;
  public Occurrence orphanDel;
  public Occurrence truncate;
  public Occurrence disksizeUpdate;

  /** Device writes of this write's direct IO (before its completion), in order. */
  public final java.util.List<Occurrence> directDiskWrites = new java.util.ArrayList<>(2);

  /** Thread that ran the completion work, 0 until known. */
  public int completionThread;

  public WriteOp(DioWriteBegin b, Clocks clocks) {
    this.begin = Occurrence.of(b, clocks);
    this.ino = b.ino();
    this.pos = b.pos();
    this.count = b.count();
    this.flags = b.flags();
    this.sizeBefore = b.sizeBefore();
  }

  public int thread() {
    return begin.thread();
  }

  /** One past the last byte this write asked for. */
  public long endOffset() {
    return pos + count;
  }

  public boolean extending() {
    return DioFlags.has(flags, DioFlags.EXTENDING);
  }

  /** True if this write ends beyond the i_size it started from: it must publish a new size. */
  public boolean extendsSize() {
    return endOffset() > sizeBefore;
  }

  /** First byte this write puts beyond the size it started from. */
  public long beyondStart() {
    return Math.max(pos, sizeBefore);
  }

  /** True if page {@code index} holds bytes this write puts beyond the size it started from. */
  public boolean writesBeyondSizeIn(long index, Geometry g) {
    long from = beyondStart();
    long to = endOffset();
    long pageFrom = g.pageStart(index);
    return from < to && from < pageFrom + g.pageSize() && to > pageFrom;
  }

  /** Bytes written (from the return value) or -1 before the write returned or on error. */
  public long written() {
    if (end == null) {
      return -1;
    }
    return end.event().field(2);
  }

  /** True once the write has returned to its caller. */
  public boolean returned() {
    return end != null;
  }

  /** The last direct device write covering file bytes [from, to), or null. */
  public Occurrence directDiskWriteCovering(long from, long to) {
    for (int i = directDiskWrites.size() - 1; i >= 0; i--) {
      Occurrence o = directDiskWrites.get(i);
      long pos = o.event().field(1);
      long len = o.event().field(2);
      if (pos < to && pos + len > from) {
        return o;
      }
    }
    return null;
  }

  /** True once the write returned and, if its completion was not waited for, completed. */
  public boolean done() {
    return returned() && (!async() || dioComplete != null);
  }

  /** True for a write whose completion was not waited for (its end_io may run later). */
  public boolean async() {
    return DioFlags.has(flags, DioFlags.ASYNC) && !DioFlags.has(flags, DioFlags.FORCE_WAIT);
  }

  @Override
  public String toString() {
    return "write[ino " + ino + " " + pos + "+" + count + " t" + thread() + "]";
  }
}
