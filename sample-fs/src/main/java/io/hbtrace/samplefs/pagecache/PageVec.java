package io.hbtrace.samplefs.pagecache;

/**
 * {@code struct pagevec} for a batch lookup; this model reads page by page, so it holds at most one
 * page.
 */
public final class PageVec {
  public Page page;

  public void reset() {
    page = null;
  }
}
