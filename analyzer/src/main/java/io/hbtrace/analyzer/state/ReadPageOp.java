package io.hbtrace.analyzer.state;

import java.util.ArrayList;
import java.util.List;

/**
 * One cache fill on a read miss: the page inserted locked, readpage's single i_size sample, and the
 * blocks it filled.
 */
public final class ReadPageOp {
  public final long ino;
  public final long index;
  public final Occurrence insert;
  public Occurrence sample;

  /** i_size as readpage sampled it, -1 until sampled. */
  public long sampledSize = -1;

  /** Blocks zero-filled because they lay at or after the sampled i_size. */
  public final List<Occurrence> zeroFills = new ArrayList<>(2);

  public Occurrence uptodate;

  public ReadPageOp(long ino, long index, Occurrence insert) {
    this.ino = ino;
    this.index = index;
    this.insert = insert;
  }

  public int thread() {
    return insert.thread();
  }
}
