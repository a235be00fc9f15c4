package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.state.Occurrence;

/**
 * The crash-consistency invariant, at every point of the trace: every allocated block beyond an
 * inode's on-disk size belongs to an inode on the on-disk orphan chain. Durable state changes only
 * at commits, so checking after each commit checks every point. Reported once per broken stretch
 * kind (site of the change that broke it and of the one that repaired it); observed when the system
 * crashed inside the stretch.
 */
final class CrashInvariant extends EpisodeCheck {

  CrashInvariant(CheckContext ctx) {
    super(ctx);
  }

  @Override
  void closed(InvariantEpisodes.Episode episode, Occurrence repair, boolean crashed) {
    ctx.findings.add(
        finding(
                "ci",
                "crash-consistency invariant broken: blocks past the on-disk size with no orphan entry",
                episode,
                repair,
                crashed)
            .reason(
                "After this commit, inode "
                    + episode.ino()
                    + " has allocated blocks beyond its on-disk size and is not on the on-disk"
                    + " orphan chain: a crash here leaks them."));
  }
}
