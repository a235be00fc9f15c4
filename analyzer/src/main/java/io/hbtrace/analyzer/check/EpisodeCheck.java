package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.Operation;
import io.hbtrace.analyzer.report.Severity;
import io.hbtrace.analyzer.state.Occurrence;
import io.hbtrace.traces.event.Crash;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.JournalCommit;
import io.hbtrace.traces.event.Mount;
import java.util.EnumSet;
import java.util.Set;

/**
 * Base of the checks that watch the crash-consistency invariant in the durable state: each decides
 * which broken stretches it reports and how it words them.
 */
abstract class EpisodeCheck implements Check {
  protected final CheckContext ctx;
  private final InvariantEpisodes episodes = new InvariantEpisodes();

  EpisodeCheck(CheckContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Set<EventKind> kinds() {
    return EnumSet.of(EventKind.JOURNAL_COMMIT, EventKind.CRASH, EventKind.MOUNT);
  }

  @Override
  public void onJournalCommit(JournalCommit e) {
    episodes.afterCommit(
        ctx.durable, ctx.geometry.blockSize(), (episode, repair) -> closed(episode, repair, false));
  }

  @Override
  public void onCrash(Crash e) {
    for (InvariantEpisodes.Episode episode : episodes.openEpisodes()) {
      closed(episode, Occurrence.of(e, ctx.clocks), true);
    }
    episodes.clear();
  }

  @Override
  public void onMount(Mount e) {
    episodes.clear();
  }

  @Override
  public void finish() {
    for (InvariantEpisodes.Episode episode : episodes.openEpisodes()) {
      closed(episode, null, false);
    }
  }

  /**
   * A broken stretch ended: repaired by {@code repair} (a change), cut by a crash ({@code crashed},
   * {@code repair} is the crash), or still open at the end ({@code repair} null).
   */
  abstract void closed(InvariantEpisodes.Episode episode, Occurrence repair, boolean crashed);

  /** A finding about {@code episode} with its opening change and commit, and its end. */
  Finding finding(
      String check,
      String title,
      InvariantEpisodes.Episode episode,
      Occurrence repair,
      boolean crashed) {
    String repairSite = repair == null ? "end" : String.valueOf(repair.event().site());
    Finding f =
        new Finding(
                check,
                Severity.ERROR,
                episode.ino(),
                title,
                episode.cause().event().site() + ":" + repairSite)
            .observed(crashed);
    f.operation(Operation.of("journal", episode.cause(), describe(episode.cause())));
    f.operation(Operation.of("journal", episode.commit(), "commit: invariant broken"));
    if (repair != null) {
      f.operation(
          Operation.of(
              "journal",
              repair,
              crashed ? "crash with the invariant broken" : describe(repair) + ", repairing it"));
    }
    if (crashed) {
      f.reason(
          "The system crashed inside the window: recovery keeps blocks past EOF that no orphan entry frees.");
    }
    return f;
  }

  static String describe(Occurrence o) {
    return switch (o.event().kind()) {
      case BLOCK_ALLOC -> "blocks allocated";
      case BLOCK_FREE -> "blocks freed";
      case DISKSIZE_UPDATE -> "i_disksize set to " + o.event().field(2);
      case ORPHAN_ADD -> "orphan added on disk";
      case ORPHAN_DEL -> "orphan removed on disk";
      default -> o.event().kind().recordName();
    };
  }
}
