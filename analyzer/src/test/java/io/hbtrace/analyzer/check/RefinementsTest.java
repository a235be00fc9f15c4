package io.hbtrace.analyzer.check;

import static io.hbtrace.analyzer.Analyses.of;
import static io.hbtrace.analyzer.Analyses.run;
import static io.hbtrace.analyzer.TraceBuilder.INO;
import static io.hbtrace.analyzer.TraceBuilder.INODE_LOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.traces.event.DioFlags;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Fill;
import io.hbtrace.traces.event.Invalidation;
import io.hbtrace.traces.event.LockMode;
import org.junit.jupiter.api.Test;

/**
 * Cases found on real recordings of correct variants, pinned so the checks stay silent on them: a
 * short direct write finished by the buffered fallback, a fill racing a device write, a dirtied
 * page, writeback's i_disksize under i_data_sem, and an inode loaded at mount.
 */
class RefinementsTest {
  private static final int T = 2;
  private static final int READER = 3;
  private static final long DATA_SEM = 901;

  private static TraceBuilder mounted() {
    TraceBuilder t = new TraceBuilder().mount(1);
    t.raw(EventKind.OBJECT_ROLE, 1, DATA_SEM, t.string("i_data_sem"), INO, 0);
    return t.start(1, T).start(1, READER);
  }

  @Test
  void aShortWriteFinishedByTheBufferedFallbackIsJudgedByItsDirectSizeUpdate() {
    TraceBuilder t = mounted();
    t.raw(EventKind.LOCK_ACQUIRE, T, INODE_LOCK, LockMode.EXCLUSIVE);
    t.rawAt(
        EventKind.DIO_WRITE_BEGIN,
        T,
        t.site("begin"),
        INO,
        0,
        2560,
        DioFlags.EXTENDING | DioFlags.FORCE_WAIT,
        0);
    t.rawAt(EventKind.DISK_WRITE, T, t.site("disk"), INO, 0, 1024);
    t.raw(EventKind.END_IO, T, INO, 0, 1024, 0);
    t.rawAt(EventKind.SIZE_UPDATE, T, t.site("endio"), INO, 0, 1024); // the direct part, in end_io
    t.rawAt(
        EventKind.PAGE_INVALIDATE,
        T,
        t.site("inv"),
        INO,
        0,
        Invalidation.PHASE_POST_IO,
        Invalidation.ABSENT);
    t.raw(EventKind.DIO_COMPLETE, T, INO, 0, 1024);
    t.rawAt(EventKind.SIZE_UPDATE, T, t.site("buffered"), INO, 1024, 2560); // the fallback's own
    t.rawAt(EventKind.DIO_WRITE_END, T, t.site("end"), INO, 0, 2560);
    t.raw(EventKind.LOCK_RELEASE, T, INODE_LOCK, LockMode.EXCLUSIVE);

    assertThat(of(run(t, "s1"), "s1")).isEmpty();
  }

  @Test
  void aFillConcurrentWithTheDeviceWriteIsNotCalledStale() {
    TraceBuilder t = mounted();
    t.rawAt(
        EventKind.DIO_WRITE_BEGIN, T, t.site("begin"), INO, 1024, 1024, DioFlags.FORCE_WAIT, 8192);
    t.rawAt(EventKind.PAGE_INSERT, READER, t.site("insert"), INO, 0);
    t.rawAt(
        EventKind.BLOCK_FILL, READER, t.site("fill"), INO, 0, 1, Fill.DISK); // may have seen either
    t.rawAt(EventKind.DISK_WRITE, T, t.site("disk"), INO, 1024, 1024);
    t.raw(EventKind.DIO_COMPLETE, T, INO, 1024, 1024);
    t.rawAt(EventKind.DIO_WRITE_END, T, t.site("end"), INO, 1024, 1024);

    assertThat(of(run(t, "s3"), "s3")).isEmpty();
  }

  @Test
  void aFillThatHappenedBeforeTheDeviceWriteIsStale() {
    TraceBuilder t = mounted();
    t.rawAt(EventKind.PAGE_INSERT, READER, t.site("insert"), INO, 0);
    t.rawAt(EventKind.BLOCK_FILL, READER, t.site("fill"), INO, 0, 1, Fill.DISK);
    t.raw(EventKind.HANDOFF_SEND, READER, 77, 2).raw(EventKind.HANDOFF_RECEIVE, T, 77, 2);
    t.rawAt(
        EventKind.DIO_WRITE_BEGIN, T, t.site("begin"), INO, 1024, 1024, DioFlags.FORCE_WAIT, 8192);
    t.rawAt(EventKind.DISK_WRITE, T, t.site("disk"), INO, 1024, 1024);
    t.raw(EventKind.DIO_COMPLETE, T, INO, 1024, 1024);
    t.rawAt(EventKind.DIO_WRITE_END, T, t.site("end"), INO, 1024, 1024);

    assertThat(of(run(t, "s3"), "s3")).hasSize(1);
  }

  @Test
  void aPageDirtiedByABufferedWriteForgetsWhatReadpageFilled() {
    TraceBuilder t = mounted();
    t.rawAt(EventKind.PAGE_INSERT, T, t.site("insert"), INO, 0);
    t.rawAt(EventKind.BLOCK_FILL, T, t.site("fill"), INO, 0, 1, Fill.ZERO_PAST_EOF);
    t.raw(EventKind.PAGE_DIRTY, T, INO, 0);
    t.raw(EventKind.PAGE_WRITEBACK, T, INO, 0);
    t.rawAt(
        EventKind.DIO_WRITE_BEGIN, T, t.site("begin"), INO, 1024, 1024, DioFlags.FORCE_WAIT, 8192);
    t.rawAt(EventKind.DISK_WRITE, T, t.site("disk"), INO, 1024, 1024);
    t.raw(EventKind.DIO_COMPLETE, T, INO, 1024, 1024);
    t.rawAt(EventKind.DIO_WRITE_END, T, t.site("end"), INO, 1024, 1024);

    assertThat(of(run(t, "s3"), "s3")).isEmpty();
  }

  @Test
  void writebackMovesDisksizeUnderDataSem() {
    TraceBuilder t = mounted();
    long h = t.handle(T);
    t.raw(EventKind.LOCK_ACQUIRE, T, DATA_SEM, LockMode.EXCLUSIVE);
    t.rawAt(EventKind.DISKSIZE_UPDATE, T, t.site("writeback"), INO, 0, 4096, h);
    t.raw(EventKind.LOCK_RELEASE, T, DATA_SEM, LockMode.EXCLUSIVE);
    t.commit(T, h);

    assertThat(of(run(t, "o3"), "o3")).isEmpty();
  }

  @Test
  void anInodeLoadedWithoutAHandleIsExempt() {
    TraceBuilder t = mounted();
    t.rawAt(EventKind.DISKSIZE_UPDATE, T, t.site("iget"), INO, 0, 31232, 0);

    assertThat(of(run(t, "o3"), "o3")).isEmpty();
  }

  @Test
  void disksizeChangedByAnotherUnlockedPathIsStillFlagged() {
    TraceBuilder t = mounted();
    long h = t.handle(T);
    t.rawAt(EventKind.DISKSIZE_UPDATE, T, t.site("unlocked"), INO, 0, 4096, h);
    t.commit(T, h);

    assertThat(of(run(t, "o3"), "o3")).hasSize(1);
  }
}
