package io.hbtrace.agenttest.logsegment;

import java.util.HashMap;
import java.util.Map;

/** The pages of a segment that readers have filled, zero past the end offset they sampled. */
final class ReaderCache {
  /** What {@link #invalidate} found. */
  static final int REMOVED = 0;

  static final int ABSENT = 1;

  final LogSegment segment;
  private final Map<Long, byte[]> pages = new HashMap<>();

  ReaderCache(LogSegment segment) {
    this.segment = segment;
  }

  synchronized int invalidate(long page) {
    return pages.remove(page) != null ? REMOVED : ABSENT;
  }

  synchronized byte[] page(long page) {
    byte[] p = pages.get(page);
    if (p == null) {
      p = fill(page);
      pages.put(page, p);
    }
    return p;
  }

  /** Reads a page from "disk", zeroing what lies past the end offset sampled here. */
  private byte[] fill(long page) {
    long size = segment.end();
    byte[] p = segment.disk(page);
    for (int i = 0; i < p.length; i++) {
      if (page * LogSegment.PAGE + i >= size) {
        p[i] = 0;
      }
    }
    return p;
  }
}
