package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.traces.event.EventKind;

/**
 * O6: blocks were allocated beyond the on-disk size while the inode was not yet on the on-disk
 * orphan chain (the orphan must be added before allocation); a crash in between leaks them.
 */
final class OrphanAddAfterAlloc extends EpisodeCheck {

  OrphanAddAfterAlloc(CheckContext ctx) {
    super(ctx);
  }

  @Override
  void closed(InvariantEpisodes.Episode episode, Occurrence repair, boolean crashed) {
    if (!InvariantEpisodes.is(episode.cause(), EventKind.BLOCK_ALLOC)) {
      return;
    }
    boolean lateAdd = repair != null && InvariantEpisodes.is(repair, EventKind.ORPHAN_ADD);
    ctx.findings.add(
        finding(
                "o6",
                lateAdd
                    ? "orphan added after the blocks were allocated"
                    : "blocks allocated beyond the on-disk size with no orphan entry",
                episode,
                repair,
                crashed)
            .reason(
                "Blocks beyond the on-disk size were made durable before the inode was on the"
                    + " on-disk orphan chain: the orphan add must come first."));
  }
}
