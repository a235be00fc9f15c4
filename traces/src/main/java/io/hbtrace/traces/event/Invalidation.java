package io.hbtrace.traces.event;

/** Values of the {@code phase} and {@code outcome} fields of {@link PageInvalidate}. */
public final class Invalidation {
  /** Before a direct IO is issued (__iomap_dio_rw). */
  public static final int PHASE_PRE_IO = 0;

  /** After a direct write completed (iomap_dio_complete). */
  public static final int PHASE_POST_IO = 1;

  /** Truncation of the page cache (truncate_pagecache). */
  public static final int PHASE_TRUNCATE = 2;

  /** Any other caller. */
  public static final int PHASE_OTHER = 3;

  /** The page was present and has been removed from the cache. */
  public static final int REMOVED = 0;

  /** No page was cached at that index when the invalidation passed it. */
  public static final int ABSENT = 1;

  /** The page could not be removed (dirty): the caller gets -EBUSY / -ENOTBLK. */
  public static final int BUSY = 2;

  private Invalidation() {}

  public static String phaseName(int phase) {
    return switch (phase) {
      case PHASE_PRE_IO -> "pre-io";
      case PHASE_POST_IO -> "post-io";
      case PHASE_TRUNCATE -> "truncate";
      case PHASE_OTHER -> "other";
      default -> "phase" + phase;
    };
  }

  public static String outcomeName(int outcome) {
    return switch (outcome) {
      case REMOVED -> "removed";
      case ABSENT -> "absent";
      case BUSY -> "busy";
      default -> "outcome" + outcome;
    };
  }
}
