package io.hbtrace.analyzer.report;

import java.util.Map;

/**
 * What each check reports, for the reports that describe their rules (SARIF's {@code rules}): a
 * readable name and a paragraph of help, keyed by the check's short name. The wording follows the
 * checks table of the analyzer README; a test keeps this table and the check registry in step.
 */
public final class CheckHelp {
  /** A check's readable name and its help text. */
  public record Text(String name, String help) {}

  private static final Map<String, Text> BY_CHECK =
      Map.ofEntries(
          Map.entry(
              "s1",
              new Text(
                  "SizeAfterInvalidation",
                  "An extending write that completed without error publishes i_size after (not"
                      + " happens-before) the post-IO invalidation of its range: the buggy"
                      + " ordering, flagged on every extending write, whether a reader was"
                      + " present or not.")),
          Map.entry(
              "s2",
              new Text(
                  "StaleSizeWindow",
                  "The stale-i_size window, predictively: a cache fill of a page holding bytes"
                      + " an extending write puts beyond the old size could, in some reordering"
                      + " that keeps every must-order (program order, start/join, hand-offs,"
                      + " lock edges that really conflict), insert the page after the write's"
                      + " post-IO invalidation and sample i_size before the write publishes it,"
                      + " caching zeros over data already on disk. Reported whether or not the"
                      + " corruption showed in this run.")),
          Map.entry(
              "s3",
              new Text(
                  "CacheDiskIncoherence",
                  "After a direct write returned, a clean cached page holds zero-filled or older"
                      + " data for a block the write put on disk.")),
          Map.entry(
              "s4",
              new Text(
                  "WrongBytesReturned",
                  "The workload read bytes that differ from what it wrote (what xfstests"
                      + " generic/418 sees), with the cache fill that produced them.")),
          Map.entry(
              "s5",
              new Text(
                  "SizeSanity",
                  "i_size moves backwards outside a truncate; i_disksize raised above i_size"
                      + " outside a truncate; or two i_size writers not ordered by"
                      + " happens-before.")),
          Map.entry(
              "o1",
              new Text(
                  "OrphanLeak",
                  "Orphan leak: an extending write returned with its inode still on the orphan"
                      + " list, or the list is not empty at unmount.")),
          Map.entry(
              "o2",
              new Text(
                  "OrphanDelBeforeTruncate",
                  "After a short write, the orphan entry was removed before the blocks past the"
                      + " new end were freed.")),
          Map.entry(
              "o3",
              new Text(
                  "OrphanUnlocked",
                  "The orphan list or i_disksize changed with nobody holding the inode lock"
                      + " (error), or without this thread holding it for write (warning: the"
                      + " stricter rule of newer kernels).")),
          Map.entry(
              "o4",
              new Text(
                  "OrphanDelBeforeDisksize",
                  "The on-disk orphan removal committed in an earlier transaction than the"
                      + " i_disksize update that covers the blocks.")),
          Map.entry(
              "o5",
              new Text(
                  "OrphanKeptAfterDelalloc",
                  "The orphan entry was not removed when delalloc had already moved i_disksize"
                      + " past the write.")),
          Map.entry(
              "o6",
              new Text(
                  "OrphanAddAfterAlloc",
                  "Blocks were allocated beyond the on-disk size before the inode was on the"
                      + " on-disk orphan chain.")),
          Map.entry(
              "ci",
              new Text(
                  "CrashInvariant",
                  "The crash-consistency invariant (every allocated block beyond an inode's"
                      + " on-disk size belongs to an inode on the on-disk orphan chain) broken"
                      + " after some commit, i.e. at some point a crash would have leaked"
                      + " blocks.")));

  private CheckHelp() {}

  /** The text for check {@code name}, or one made from its title if this table lacks it. */
  public static Text of(String name, String title) {
    Text t = BY_CHECK.get(name);
    return t != null ? t : new Text(name, title);
  }

  /** True if this table describes check {@code name}. */
  public static boolean describes(String name) {
    return BY_CHECK.containsKey(name);
  }
}
