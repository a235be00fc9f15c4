package io.hbtrace.samplefs.pagecache;

/** What an invalidation found at a page index. Order is part of the hook contract. */
public enum InvalidateOutcome {
  /** The page was present and has been removed from the cache. */
  REMOVED,
  /** No page was cached at that index when the invalidation passed it. */
  ABSENT,
  /** The page could not be removed (dirty): invalidate_inode_pages2_range returns -EBUSY. */
  BUSY
}
