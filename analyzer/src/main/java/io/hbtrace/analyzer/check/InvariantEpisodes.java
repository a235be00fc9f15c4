package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.state.DurableInode;
import io.hbtrace.analyzer.state.DurableState;
import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.traces.event.EventKind;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Tracks, per inode, the stretches during which the crash-consistency invariant is broken in the
 * durable state: opened by the commit whose change broke it, closed by the commit that repairs it.
 * The kind of the change that opened and the kind that closed a stretch say which rule was broken.
 */
final class InvariantEpisodes {
  /** A stretch: the change and commit that opened it. */
  record Episode(long ino, Occurrence cause, Occurrence commit) {}

  private final Long2ObjectOpenHashMap<Episode> open = new Long2ObjectOpenHashMap<>();

  /**
   * After a commit: opens episodes for inodes it broke and closes those it repaired, calling {@code
   * closed} with the episode and the change that repaired it.
   */
  void afterCommit(DurableState durable, int blockSize, BiConsumer<Episode, Occurrence> closed) {
    DurableState.Commit c = durable.lastCommit();
    List<Occurrence> changes = c.changes();
    for (int i = 0; i < changes.size(); i++) { // no iterator: called on every commit
      Occurrence change = changes.get(i);
      long ino = change.event().field(0);
      DurableInode d = durable.inode(ino);
      boolean broken = d.unprotectedBlocks(blockSize) > 0;
      Episode e = open.get(ino);
      if (broken && e == null) {
        open.put(ino, new Episode(ino, change, c.commit()));
      } else if (!broken && e != null) {
        open.remove(ino);
        closed.accept(e, change);
      }
    }
  }

  /** The open episode of {@code ino}, or null. */
  Episode openFor(long ino) {
    return open.get(ino);
  }

  Iterable<Episode> openEpisodes() {
    return open.values();
  }

  void clear() {
    open.clear();
  }

  static boolean is(Occurrence o, EventKind kind) {
    return o.event().kind() == kind;
  }
}
