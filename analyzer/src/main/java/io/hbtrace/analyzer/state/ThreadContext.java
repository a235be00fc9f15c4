package io.hbtrace.analyzer.state;

/** What a thread is in the middle of: a direct write it submitted or completes, a cache fill. */
final class ThreadContext {
  /** The write this thread submitted and has not returned from. */
  WriteOp submitted;

  /** The write whose completion (end_io … iomap_dio_complete) this thread is running. */
  WriteOp completing;

  /** The cache fill (readpage) in progress. */
  ReadPageOp filling;

  /** The write this thread's domain events belong to: its completion work first. */
  WriteOp current() {
    return completing != null ? completing : submitted;
  }
}
