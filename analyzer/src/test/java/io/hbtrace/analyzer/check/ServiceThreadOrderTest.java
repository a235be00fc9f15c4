package io.hbtrace.analyzer.check;

import static io.hbtrace.analyzer.Analyses.of;
import static io.hbtrace.analyzer.Analyses.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Handoff;
import io.hbtrace.traces.event.LockMode;
import org.junit.jupiter.api.Test;

/**
 * Orders that are accidents of timing must not clear a read in S2: a device-completion thread that
 * happens to complete the reader's bio before the writer's, a page wait queue the writer's
 * invalidation slept on until the reader's fill woke it, and i_data_sem taken by the reader's
 * extent lookup just before the writer's allocation.
 */
class ServiceThreadOrderTest {
  private static final int PARENT = 1;
  private static final int A = 2;
  private static final int B = 3;
  private static final int IRQ = 4;
  private static final long WAITQUEUE = 1500;

  private static TraceBuilder twoChildren() {
    TraceBuilder t = new TraceBuilder().mount(PARENT);
    t.raw(
        EventKind.OBJECT_ROLE, PARENT, WAITQUEUE, t.string("page_waitqueue"), TraceBuilder.INO, 0);
    t.start(PARENT, A).start(PARENT, B).start(PARENT, IRQ);
    t.write(A, 0, 1024, 0, false);
    return t;
  }

  /** The completion thread takes the reader's bio, then the writer's, and wakes the writer. */
  private static void irqCompletesReaderThenWriter(TraceBuilder t) {
    t.raw(EventKind.HANDOFF_SEND, A, 501, Handoff.EXECUTOR); // reader submits its read bio
    t.raw(EventKind.HANDOFF_RECEIVE, IRQ, 501, Handoff.EXECUTOR);
    t.raw(EventKind.HANDOFF_SEND, B, 502, Handoff.EXECUTOR); // writer submits its write bio
    t.raw(EventKind.HANDOFF_RECEIVE, IRQ, 502, Handoff.EXECUTOR);
    t.raw(EventKind.HANDOFF_SEND, IRQ, 503, Handoff.LATCH); // ...and wakes the writer
    t.raw(EventKind.HANDOFF_RECEIVE, B, 503, Handoff.LATCH);
  }

  @Test
  void aSharedCompletionThreadDoesNotOrderTheReaderBeforeTheWriter() {
    TraceBuilder t = twoChildren();
    t.fillPage(A, 0, 1024);
    irqCompletesReaderThenWriter(t);
    t.writeUntilEndIo(B, 1024, 1024, 1024, false);
    t.postIoInvalidationOfCachedPage(B, 0);
    t.writeFinish(B, 1024, 1024, 1024, false);

    assertThat(of(run(t, "s2"), "s2")).hasSize(1);
  }

  @Test
  void theSameChainFromAThreadThatIsNotAServiceThreadDoesOrderThem() {
    TraceBuilder t = twoChildren();
    t.fillPage(A, 0, 1024);
    t.raw(EventKind.HANDOFF_SEND, A, 501, Handoff.LATCH); // a plain hand-off: a real order
    t.raw(EventKind.HANDOFF_RECEIVE, IRQ, 501, Handoff.LATCH);
    t.raw(EventKind.HANDOFF_SEND, IRQ, 503, Handoff.LATCH);
    t.raw(EventKind.HANDOFF_RECEIVE, B, 503, Handoff.LATCH);
    t.writeUntilEndIo(B, 1024, 1024, 1024, false);
    t.postIoInvalidationOfCachedPage(B, 0);
    t.writeFinish(B, 1024, 1024, 1024, false);

    assertThat(of(run(t, "s2"), "s2")).isEmpty();
  }

  @Test
  void aReadpageLookupUnderDataSemBeforeTheAllocationDoesNotOrderThem() {
    TraceBuilder t = twoChildren();
    long dataSem = 1600;
    t.raw(EventKind.OBJECT_ROLE, PARENT, dataSem, t.string("i_data_sem"), TraceBuilder.INO, 0);
    t.fillPage(A, 0, 1024);
    t.raw(EventKind.LOCK_ACQUIRE, A, dataSem, LockMode.SHARED); // the lookup of block 0
    t.raw(EventKind.LOCK_RELEASE, A, dataSem, LockMode.SHARED);
    t.raw(EventKind.LOCK_ACQUIRE, B, dataSem, LockMode.EXCLUSIVE); // the allocation of block 1
    t.raw(EventKind.LOCK_RELEASE, B, dataSem, LockMode.EXCLUSIVE);
    t.writeUntilEndIo(B, 1024, 1024, 1024, false);
    t.postIoInvalidationOfCachedPage(B, 0);
    t.writeFinish(B, 1024, 1024, 1024, false);

    assertThat(of(run(t, "s2"), "s2")).hasSize(1);
  }

  @Test
  void aWakeUpThroughThePageWaitQueueDoesNotOrderThem() {
    TraceBuilder t = twoChildren();
    t.fillPage(A, 0, 1024);
    t.raw(EventKind.HANDOFF_SEND, A, WAITQUEUE, Handoff.NOTIFY); // the fill wakes page waiters
    t.writeUntilEndIo(B, 1024, 1024, 1024, false);
    t.raw(EventKind.HANDOFF_RECEIVE, B, WAITQUEUE, Handoff.NOTIFY); // the invalidation had slept
    t.postIoInvalidationOfCachedPage(B, 0);
    t.writeFinish(B, 1024, 1024, 1024, false);

    assertThat(of(run(t, "s2"), "s2")).hasSize(1);
  }
}
