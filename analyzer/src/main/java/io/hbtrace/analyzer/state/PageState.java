package io.hbtrace.analyzer.state;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of the page cache as the trace shows it: present or not, and where each of its blocks came
 * from when it was filled (so a page holding data the disk no longer has can be found).
 */
public final class PageState {
  /** How many recent fills of a page are kept for predictive checks. */
  static final int RECENT_FILLS = 8;

  public final long index;
  public boolean present;
  public boolean dirty;

  /** The fill that populated the page now cached, if it was filled by a read. */
  public ReadPageOp fill;

  /** Per block: order key of its fill, and its source ({@code io.hbtrace.traces.event.Fill}). */
  public final long[] fillSeq;

  public final int[] fillSource;

  /** Per block: the BLOCK_FILL occurrence that filled it, for happens-before comparisons. */
  public final Occurrence[] fillBy;

  /** Recent fills of this index, newest last, for predictive checks. */
  public final List<ReadPageOp> recentFills = new ArrayList<>(2);

  public PageState(long index, int blocksPerPage) {
    this.index = index;
    this.fillSeq = new long[blocksPerPage];
    this.fillSource = new int[blocksPerPage];
    this.fillBy = new Occurrence[blocksPerPage];
  }

  void remember(ReadPageOp op) {
    if (recentFills.size() == RECENT_FILLS) {
      recentFills.remove(0);
    }
    recentFills.add(op);
  }
}
