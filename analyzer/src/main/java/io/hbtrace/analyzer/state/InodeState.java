package io.hbtrace.analyzer.state;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.List;

/** Everything the analysis knows about one inode in the current filesystem scope. */
public final class InodeState {
  public final long ino;

  /** Last published i_size, and the occurrence that published it. */
  public long size;

  public Occurrence lastSizeUpdate;

  /** In-memory i_disksize. */
  public long diskSize;

  /** On the in-memory orphan list. */
  public boolean onOrphanList;

  public Occurrence orphanAddedBy;

  /** Direct writes in flight or recently returned (kept while predictive checks need them). */
  public final List<WriteOp> writes = new ArrayList<>(4);

  public final Long2ObjectOpenHashMap<PageState> pages = new Long2ObjectOpenHashMap<>();

  /** Threads inside a truncation of this inode. */
  public int truncatingThreads;

  public InodeState(long ino) {
    this.ino = ino;
  }

  public PageState page(long index, int blocksPerPage) {
    PageState p = pages.get(index);
    if (p == null) {
      p = new PageState(index, blocksPerPage);
      pages.put(index, p);
    }
    return p;
  }
}
