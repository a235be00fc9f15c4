package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.traces.event.EventKind;

/**
 * O4: the on-disk orphan removal committed before the i_disksize update that covers the write's
 * blocks (they must share a transaction, or the size go first): between the two commits a crash
 * keeps blocks past the on-disk size that no orphan entry frees.
 */
final class OrphanDelBeforeDisksize extends EpisodeCheck {

  OrphanDelBeforeDisksize(CheckContext ctx) {
    super(ctx);
  }

  @Override
  void closed(InvariantEpisodes.Episode episode, Occurrence repair, boolean crashed) {
    if (!InvariantEpisodes.is(episode.cause(), EventKind.ORPHAN_DEL)) {
      return;
    }
    boolean sizeRepaired =
        repair != null && InvariantEpisodes.is(repair, EventKind.DISKSIZE_UPDATE);
    if (!sizeRepaired && !crashed) {
      return;
    }
    ctx.findings.add(
        finding(
                "o4",
                "on-disk orphan removal committed before the size is durable",
                episode,
                repair,
                crashed)
            .reason(
                "The orphan entry left the on-disk chain in one transaction and i_disksize"
                    + " reached the write's end only in a later one: they must commit together."));
  }
}
