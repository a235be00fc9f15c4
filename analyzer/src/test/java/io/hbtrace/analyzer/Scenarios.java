package io.hbtrace.analyzer;

/** Named hand-built traces shared by report and CLI tests. */
public final class Scenarios {
  private Scenarios() {}

  /**
   * The generic/418 failure: child-0 wrote [0,1k); child-1's extending write to [1k,2k) invalidates
   * page 0 and, before it raises i_size, child-0 re-reads page 0 and caches zeros at [1k,4k);
   * child-1 then reads its own bytes back as zeros.
   */
  public static TraceBuilder generic418Failure() {
    TraceBuilder t = new TraceBuilder().mount(1);
    t.start(1, 2).start(1, 3);
    t.write(2, 0, 1024, 0, false);
    t.writeUntilPostIoInvalidation(3, 1024, 1024, 1024, false);
    t.fillPage(2, 0, 1024);
    t.copyAndVerify(2, 0, 1024, 1024, -1);
    t.writeFinish(3, 1024, 1024, 1024, false);
    t.copyAndVerify(3, 1024, 1024, 2048, 1024);
    return t.join(1, 2).join(1, 3);
  }
}
