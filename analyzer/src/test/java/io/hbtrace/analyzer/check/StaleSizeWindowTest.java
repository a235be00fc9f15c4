package io.hbtrace.analyzer.check;

import static io.hbtrace.analyzer.Analyses.of;
import static io.hbtrace.analyzer.Analyses.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.traces.event.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * S2 on hand-built traces of two generic/418 children: child-0 (thread 2) owns [0, 1k), child-1
 * (thread 3) owns [1k, 2k); both live in page 0 (1 KiB blocks, 4 KiB pages).
 */
class StaleSizeWindowTest {
  private static final int PARENT = 1;
  private static final int A = 2;
  private static final int B = 3;
  private static final boolean PRE_FIX = false;
  private static final boolean UPSTREAM = true;

  private static TraceBuilder twoChildren(boolean sizeInEndIo) {
    TraceBuilder t = new TraceBuilder().mount(PARENT);
    t.start(PARENT, A).start(PARENT, B);
    t.write(A, 0, 1024, 0, sizeInEndIo);
    return t;
  }

  @Test
  void generic418FailureSequenceIsFlaggedAndObserved() {
    TraceBuilder t = twoChildren(PRE_FIX);
    t.writeUntilPostIoInvalidation(B, 1024, 1024, 1024, PRE_FIX);
    t.fillPage(
        A, 0, 1024); // misses after the invalidation, samples the old size: zeros at [1k, 4k)
    t.copyAndVerify(A, 0, 1024, 1024, -1);
    t.writeFinish(B, 1024, 1024, 1024, PRE_FIX);
    t.copyAndVerify(B, 1024, 1024, 2048, 1024); // hits the page, copies the zeros
    t.join(PARENT, A).join(PARENT, B);

    List<Finding> all = run(t, "all");

    List<Finding> s2 = of(all, "s2");
    assertThat(s2).hasSize(1);
    assertThat(s2.get(0).observed()).isTrue();
    assertThat(s2.get(0).values()).containsEntry("sampledSize", 1024L).containsEntry("page", 0L);
    assertThat(s2.get(0).operations())
        .extracting(o -> o.event().kind())
        .contains(
            EventKind.PAGE_INVALIDATE,
            EventKind.SIZE_UPDATE,
            EventKind.PAGE_INSERT,
            EventKind.SIZE_SAMPLE,
            EventKind.BLOCK_FILL);
    assertThat(of(all, "s1")).isNotEmpty();
    assertThat(of(all, "s3")).hasSize(1);
    assertThat(of(all, "s4")).hasSize(1);
    assertThat(all)
        .extracting(Finding::check)
        .doesNotContain("o1", "o2", "o3", "o4", "o5", "o6", "ci", "s5");
  }

  @Test
  void sizeUpdateBetweenTheSampleAndTheZeroFillsIsStillObserved() {
    TraceBuilder t = twoChildren(PRE_FIX);
    t.writeUntilPostIoInvalidation(B, 1024, 1024, 1024, PRE_FIX);
    t.fillPageUntilSample(A, 0, 1024); // samples the old size inside the window
    t.writeFinish(B, 1024, 1024, 1024, PRE_FIX); // i_size published: the pair is decided here
    t.fillPageFinish(A, 0, 1024); // zeros at [1k, 4k) only now
    t.copyAndVerify(A, 0, 1024, 2048, -1);
    t.copyAndVerify(B, 1024, 1024, 2048, 1024);
    t.join(PARENT, A).join(PARENT, B);

    List<Finding> s2 = of(run(t, "s2"), "s2");

    assertThat(s2).hasSize(1);
    assertThat(s2.get(0).observed()).isTrue();
    assertThat(s2.get(0).operations())
        .extracting(o -> o.event().kind())
        .contains(EventKind.BLOCK_FILL);
  }

  @Test
  void aFillThatNeverFinishesIsReportedAtTheEnd() {
    TraceBuilder t = twoChildren(PRE_FIX);
    t.writeUntilPostIoInvalidation(B, 1024, 1024, 1024, PRE_FIX);
    t.fillPageUntilSample(A, 0, 1024);
    t.writeFinish(B, 1024, 1024, 1024, PRE_FIX); // the trace ends with the fill unfinished

    List<Finding> s2 = of(run(t, "s2"), "s2");

    assertThat(s2).hasSize(1);
    assertThat(s2.get(0).observed()).isFalse();
  }

  @Test
  void sameInterleavingWithTheFixIsClean() {
    TraceBuilder t = twoChildren(UPSTREAM);
    t.writeUntilPostIoInvalidation(B, 1024, 1024, 1024, UPSTREAM); // i_size raised in end_io
    t.fillPage(A, 0, 2048); // so the fill after the invalidation sees the new size
    t.copyAndVerify(A, 0, 1024, 2048, -1);
    t.writeFinish(B, 1024, 1024, 1024, UPSTREAM);
    t.copyAndVerify(B, 1024, 1024, 2048, -1);
    t.join(PARENT, A).join(PARENT, B);

    assertThat(run(t, "all")).isEmpty();
  }

  @Test
  void insertBeforeTheInvalidationIsStillFlaggedButNotObserved() {
    TraceBuilder t = twoChildren(PRE_FIX);
    t.writeUntilEndIo(B, 1024, 1024, 1024, PRE_FIX);
    t.fillPage(
        A, 0, 1024); // before the invalidation: the invalidation will wait for it and remove it
    t.copyAndVerify(A, 0, 1024, 1024, -1);
    t.postIoInvalidationOfCachedPage(B, 0);
    t.writeFinish(B, 1024, 1024, 1024, PRE_FIX);
    t.fillPage(B, 0, 2048);
    t.copyAndVerify(B, 1024, 1024, 2048, -1);

    List<Finding> all = run(t, "all");

    List<Finding> s2 = of(all, "s2");
    assertThat(s2).hasSize(1);
    assertThat(s2.get(0).observed()).isFalse();
    assertThat(s2.get(0).reasons()).anyMatch(r -> r.contains("page lock"));
    assertThat(of(all, "s3")).isEmpty();
    assertThat(of(all, "s4")).isEmpty();
  }

  @Test
  void insertBeforeTheInvalidationWithTheFixIsClean() {
    TraceBuilder t = twoChildren(UPSTREAM);
    t.writeUntilEndIo(B, 1024, 1024, 1024, UPSTREAM);
    t.fillPage(A, 0, 2048);
    t.copyAndVerify(A, 0, 1024, 2048, -1);
    t.postIoInvalidationOfCachedPage(B, 0);
    t.writeFinish(B, 1024, 1024, 1024, UPSTREAM);

    assertThat(of(run(t, "all"), "s2")).isEmpty();
  }

  @Test
  void readerForcedAfterTheWriteByAHandOffIsNotFlagged() {
    TraceBuilder t = twoChildren(PRE_FIX);
    t.write(B, 1024, 1024, 1024, PRE_FIX);
    t.raw(EventKind.HANDOFF_SEND, B, 77, 1).raw(EventKind.HANDOFF_RECEIVE, A, 77, 1);
    t.fillPage(A, 0, 2048);

    List<Finding> all = run(t, "all");
    assertThat(of(all, "s2")).isEmpty();
    assertThat(of(all, "s1")).isNotEmpty(); // the ordering is still wrong, structurally
  }

  @Test
  void readerForcedBeforeTheWriteByAHandOffIsNotFlagged() {
    TraceBuilder t = twoChildren(PRE_FIX);
    t.fillPage(A, 0, 1024);
    t.raw(EventKind.HANDOFF_SEND, A, 78, 1).raw(EventKind.HANDOFF_RECEIVE, B, 78, 1);
    t.writeUntilEndIo(B, 1024, 1024, 1024, PRE_FIX);
    t.postIoInvalidationOfCachedPage(B, 0);
    t.writeFinish(B, 1024, 1024, 1024, PRE_FIX);

    assertThat(of(run(t, "all"), "s2")).isEmpty();
  }

  @Test
  void aFillOfAPageTheWriteDoesNotExtendIsNotFlagged() {
    TraceBuilder t = twoChildren(PRE_FIX);
    t.writeUntilPostIoInvalidation(B, 8192, 1024, 1024, PRE_FIX); // page 2
    t.fillPage(A, 0, 1024);
    t.writeFinish(B, 8192, 1024, 1024, PRE_FIX);

    assertThat(of(run(t, "s2"), "s2")).isEmpty();
  }

  @Test
  void aWriteThatNeverPublishesASizeHasNoWindow() {
    TraceBuilder t = twoChildren(PRE_FIX);
    t.writeUntilPostIoInvalidation(B, 1024, 1024, 1024, PRE_FIX);
    t.fillPage(A, 0, 1024);
    // the write fails: no size update, returns -EIO
    t.raw(EventKind.DIO_COMPLETE, B, TraceBuilder.INO, 1024, -5);
    t.raw(EventKind.DIO_WRITE_END, B, TraceBuilder.INO, 1024, -5);

    assertThat(of(run(t, "s2"), "s2")).isEmpty();
  }
}
