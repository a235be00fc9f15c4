package io.hbtrace.samplefs.pagecache;

/** Which caller an invalidation of a page index belongs to. Order is part of the hook contract. */
public enum InvalidatePhase {
  /** Before a direct IO is issued (__iomap_dio_rw). */
  PRE_IO,
  /** After a direct write completed (iomap_dio_complete). */
  POST_IO,
  /** Truncation of the page cache (truncate_pagecache). */
  TRUNCATE,
  /** Any other caller (invalidate_mapping_pages after a buffered fallback). */
  OTHER
}
