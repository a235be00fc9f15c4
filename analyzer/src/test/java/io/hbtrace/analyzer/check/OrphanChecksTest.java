package io.hbtrace.analyzer.check;

import static io.hbtrace.analyzer.Analyses.of;
import static io.hbtrace.analyzer.Analyses.run;
import static io.hbtrace.analyzer.TraceBuilder.INO;
import static io.hbtrace.analyzer.TraceBuilder.INODE_LOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.analyzer.report.Severity;
import io.hbtrace.traces.event.DioFlags;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.LockMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** O1–O6 and the crash invariant on scripted extending writes, correct and with seeded mistakes. */
class OrphanChecksTest {
  private static final int T = 2;
  private static final int WORKER = 3;

  private static TraceBuilder mounted() {
    return new TraceBuilder().mount(1);
  }

  /**
   * Lock, begin, orphan add (own handle), allocation of [pos, pos+len) (own handle), disk write.
   */
  private static void beginExtendingWrite(TraceBuilder t, long pos, long len, boolean addFirst) {
    t.raw(EventKind.LOCK_ACQUIRE, T, INODE_LOCK, LockMode.EXCLUSIVE);
    t.rawAt(
        EventKind.DIO_WRITE_BEGIN,
        T,
        t.site("begin"),
        INO,
        pos,
        len,
        DioFlags.EXTENDING | DioFlags.FORCE_WAIT,
        pos);
    if (addFirst) {
      orphanAdd(t);
    }
    long a = t.handle(T);
    t.rawAt(EventKind.BLOCK_ALLOC, T, t.site("alloc"), INO, pos / 1024, len / 1024, 0, a);
    t.commit(T, a);
    if (!addFirst) {
      orphanAdd(t);
    }
    t.rawAt(EventKind.DISK_WRITE, T, t.site("diskWrite"), INO, pos, len);
    t.raw(EventKind.END_IO, T, INO, pos, len, 0);
    t.rawAt(EventKind.SIZE_UPDATE, T, t.site("size"), INO, pos, pos + len);
    t.raw(EventKind.DIO_COMPLETE, T, INO, pos, len);
  }

  private static void orphanAdd(TraceBuilder t) {
    long h = t.handle(T);
    t.rawAt(EventKind.ORPHAN_ADD, T, t.site("orphanAdd"), INO, 0, h);
    t.commit(T, h);
  }

  private static void end(TraceBuilder t, long pos, long result) {
    t.rawAt(EventKind.DIO_WRITE_END, T, t.site("end"), INO, pos, result);
    t.raw(EventKind.LOCK_RELEASE, T, INODE_LOCK, LockMode.EXCLUSIVE);
  }

  @Test
  void correctExtendingWriteIsClean() {
    TraceBuilder t = mounted();
    beginExtendingWrite(t, 0, 2048, true);
    long h = t.handle(T);
    t.rawAt(EventKind.DISKSIZE_UPDATE, T, t.site("disksize"), INO, 0, 2048, h);
    t.rawAt(EventKind.ORPHAN_DEL, T, t.site("orphanDel"), INO, 1, h);
    t.commit(T, h);
    end(t, 0, 2048);
    t.raw(EventKind.UNMOUNT, 1, 1, 0);

    assertThat(run(t, "all")).isEmpty();
  }

  @Test
  void errorPathThatSkipsTheRemovalLeaks() {
    TraceBuilder t = mounted();
    beginExtendingWrite(t, 0, 2048, true);
    long h = t.handle(T);
    t.rawAt(EventKind.TRUNCATE_BEGIN, T, t.site("truncate"), INO, 2048, 0, 1);
    t.rawAt(EventKind.BLOCK_FREE, T, t.site("free"), INO, 0, 2, h);
    t.commit(T, h);
    t.raw(EventKind.TRUNCATE_END, T, INO, 0);
    end(t, 0, -5);
    t.raw(EventKind.UNMOUNT, 1, 1, 1);

    List<Finding> all = run(t, "all");
    assertThat(of(all, "o1")).hasSize(2); // at the write's return and at unmount
    assertThat(of(all, "ci")).isEmpty();
  }

  @Test
  void removalBeforeTheShortWriteTruncateIsFlaggedAndBreaksTheInvariant() {
    TraceBuilder t = mounted();
    beginExtendingWrite(t, 0, 4096, true); // asked for 4 blocks, only 2 written
    long d = t.handle(T);
    t.rawAt(EventKind.DISKSIZE_UPDATE, T, t.site("disksize"), INO, 0, 2048, d);
    t.rawAt(EventKind.ORPHAN_DEL, T, t.site("orphanDel"), INO, 1, d);
    t.commit(T, d);
    long f = t.handle(T);
    t.rawAt(EventKind.TRUNCATE_BEGIN, T, t.site("truncate"), INO, 4096, 2048, 1);
    t.rawAt(EventKind.BLOCK_FREE, T, t.site("free"), INO, 2, 2, f);
    t.commit(T, f);
    t.raw(EventKind.TRUNCATE_END, T, INO, 2048);
    end(t, 0, 2048);

    List<Finding> all = run(t, "all");
    assertThat(of(all, "o2")).hasSize(1);
    assertThat(of(all, "ci")).hasSize(1);
    assertThat(of(all, "o4")).isEmpty(); // repaired by a truncate, not by a size update
  }

  @Test
  void removalBeforeTheTruncateIsFlaggedEvenIfTheSystemCrashesBeforeTheWriteReturns() {
    TraceBuilder t = mounted();
    beginExtendingWrite(t, 0, 4096, true);
    long d = t.handle(T);
    t.rawAt(EventKind.ORPHAN_DEL, T, t.site("orphanDel"), INO, 1, d);
    t.commit(T, d);
    t.rawAt(EventKind.TRUNCATE_BEGIN, T, t.site("truncate"), INO, 4096, 2048, 1);
    t.raw(EventKind.CRASH, 1, 1, 42);

    assertThat(of(run(t, "o2"), "o2")).hasSize(1);
  }

  @Test
  void unlockedCompletionWorkIsFlagged() {
    TraceBuilder t = mounted();
    t.raw(EventKind.LOCK_ACQUIRE, T, INODE_LOCK, LockMode.EXCLUSIVE);
    t.rawAt(
        EventKind.DIO_WRITE_BEGIN,
        T,
        t.site("begin"),
        INO,
        0,
        1024,
        DioFlags.EXTENDING | DioFlags.ASYNC,
        0);
    orphanAdd(t);
    long a = t.handle(T);
    t.rawAt(EventKind.BLOCK_ALLOC, T, t.site("alloc"), INO, 0, 1, 0, a);
    t.commit(T, a);
    t.raw(EventKind.HANDOFF_SEND, T, 55, 1);
    end(t, 0, -529); // -EIOCBQUEUED: the completion runs later, on a workqueue thread
    t.raw(EventKind.HANDOFF_RECEIVE, WORKER, 55, 1);
    t.raw(EventKind.END_IO, WORKER, INO, 0, 1024, 0);
    t.rawAt(EventKind.SIZE_UPDATE, WORKER, t.site("size"), INO, 0, 1024);
    long h = t.handle(WORKER);
    t.rawAt(EventKind.DISKSIZE_UPDATE, WORKER, t.site("disksize"), INO, 0, 1024, h);
    t.rawAt(EventKind.ORPHAN_DEL, WORKER, t.site("orphanDel"), INO, 1, h);
    t.commit(WORKER, h);
    t.raw(EventKind.DIO_COMPLETE, WORKER, INO, 0, 1024);

    List<Finding> o3 = of(run(t, "all"), "o3");
    assertThat(o3).hasSize(2); // the disksize update and the orphan removal
    assertThat(o3).allMatch(f -> f.severity() == Severity.ERROR);
  }

  @Test
  void changeWhileAnotherThreadHoldsTheLockIsAStrictWarning() {
    TraceBuilder t = mounted();
    t.raw(EventKind.LOCK_ACQUIRE, T, INODE_LOCK, LockMode.SHARED);
    long h = t.handle(WORKER);
    t.rawAt(EventKind.ORPHAN_ADD, WORKER, t.site("orphanAdd"), INO, 0, h);
    t.commit(WORKER, h);

    List<Finding> o3 = of(run(t, "o3"), "o3");
    assertThat(o3).singleElement().extracting(Finding::severity).isEqualTo(Severity.WARNING);
  }

  @Test
  void removalCommittedBeforeTheDisksizeUpdateIsFlagged() {
    TraceBuilder t = mounted();
    beginExtendingWrite(t, 0, 2048, true);
    long del = t.handle(T);
    t.rawAt(EventKind.ORPHAN_DEL, T, t.site("orphanDel"), INO, 1, del);
    t.commit(T, del);
    long size = t.handle(T);
    t.rawAt(EventKind.DISKSIZE_UPDATE, T, t.site("disksize"), INO, 0, 2048, size);
    t.commit(T, size);
    end(t, 0, 2048);

    List<Finding> all = run(t, "all");
    assertThat(of(all, "o4")).hasSize(1);
    assertThat(of(all, "ci")).hasSize(1);
    assertThat(of(all, "o2")).isEmpty();
  }

  @Test
  void orphanAddedAfterAllocationIsFlagged() {
    TraceBuilder t = mounted();
    beginExtendingWrite(t, 0, 2048, false);
    long h = t.handle(T);
    t.rawAt(EventKind.DISKSIZE_UPDATE, T, t.site("disksize"), INO, 0, 2048, h);
    t.rawAt(EventKind.ORPHAN_DEL, T, t.site("orphanDel"), INO, 1, h);
    t.commit(T, h);
    end(t, 0, 2048);

    List<Finding> all = run(t, "all");
    assertThat(of(all, "o6"))
        .singleElement()
        .extracting(Finding::title)
        .asString()
        .contains("after");
    assertThat(of(all, "ci")).hasSize(1);
  }

  @Test
  void crashInsideTheWindowIsObserved() {
    TraceBuilder t = mounted();
    long a = t.handle(T);
    t.rawAt(EventKind.BLOCK_ALLOC, T, t.site("alloc"), INO, 0, 2, 0, a);
    t.commit(T, a);
    t.raw(EventKind.CRASH, 1, 1, 17); // before any orphan entry protects the blocks

    List<Finding> ci = of(run(t, "ci"), "ci");
    assertThat(ci).singleElement().extracting(Finding::observed).isEqualTo(true);
  }

  @Test
  void orphanKeptWhenDelallocAlreadyMovedDisksizeIsO5NotO1() {
    TraceBuilder t = mounted();
    long w = t.handle(T);
    t.rawAt(EventKind.DISKSIZE_UPDATE, T, t.site("writeback"), INO, 0, 8192, w);
    t.commit(T, w);
    beginExtendingWrite(t, 0, 2048, true);
    end(t, 0, 2048);

    List<Finding> all = run(t, "o1,o5");
    assertThat(of(all, "o5")).hasSize(1);
    assertThat(of(all, "o1")).isEmpty();
  }
}
