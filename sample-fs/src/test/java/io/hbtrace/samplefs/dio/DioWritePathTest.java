package io.hbtrace.samplefs.dio;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.TestFs;
import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.fault.FaultInjector;
import io.hbtrace.samplefs.fs.FileSystem;
import io.hbtrace.samplefs.fs.FsConfig;
import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.fs.OpenFile;
import io.hbtrace.samplefs.fs.Vfs;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MappingType;
import io.hbtrace.samplefs.variant.Variant;
import io.hbtrace.samplefs.variant.VariantRegistry;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DioWritePathTest {
  private static FsConfig config(String variant) {
    return FsConfig.of(VariantRegistry.byName(variant), 1024);
  }

  @Test
  void extendingWriteRaisesBothSizesAndLeavesNoOrphan() {
    try (FileSystem fs = TestFs.mount("pre-fix")) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(true);
      assertThat(vfs.pwrite(f, TestFs.filled(3072, 1), 0, 3072, 1024)).isEqualTo(3072);
      Inode inode = f.inode;
      assertThat(inode.iSize).isEqualTo(4096);
      assertThat(inode.iDisksize).isEqualTo(4096);
      assertThat(fs.orphans.inodes()).isEmpty();
      assertThat(inode.extents.typeAt(0)).isEqualTo(MappingType.HOLE);
      assertThat(inode.extents.typeAt(1)).isEqualTo(MappingType.WRITTEN);
      assertThat(fs.journal.durable().orphanChain()).isEmpty();
      assertThat(fs.journal.durable().inodes().get(inode.ino).disksize).isEqualTo(4096);
    }
  }

  @Test
  void writeIntoHoleInsideIsizeAllocatesUnwrittenThenConverts() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(true);
      vfs.ftruncate(f, 8192);
      assertThat(vfs.pwrite(f, TestFs.filled(1024, 2), 0, 1024, 2048)).isEqualTo(1024);
      assertThat(f.inode.extents.typeAt(2)).isEqualTo(MappingType.WRITTEN);
      byte[] out = new byte[1024];
      vfs.pread(vfs.open(f.inode, false), out, 0, 1024, 2048);
      assertThat(out).containsOnly((byte) 2);
    }
  }

  @Test
  void unalignedExtendingWriteZeroesTheRestOfTheNewBlock() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(true);
      assertThat(vfs.pwrite(f, TestFs.filled(512, 6), 0, 512, 512)).isEqualTo(512);
      byte[] raw = new byte[1024];
      long pblk = f.inode.extents.blockAt(0);
      fs.device.submitBioWait(0, f.inode.ino, 0, 1024, pblk * 1024, raw, 0);
      for (int i = 0; i < 512; i++) {
        assertThat(raw[i]).isZero();
        assertThat(raw[512 + i]).isEqualTo((byte) 6);
      }
    }
  }

  @Test
  void invalidationFailureMakesTheDirectWriteFallBackToBufferedIo() {
    FsConfig cfg = config("upstream").withFaults(FaultInjector.seeded(1, 0, 0, 0, 1.0));
    try (FileSystem fs = TestFs.mount(cfg)) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(true);
      assertThat(vfs.pwrite(f, TestFs.filled(2048, 7), 0, 2048, 0)).isEqualTo(2048);
      assertThat(fs.faults.injected(FaultInjector.INVALIDATION_FAILURE)).isEqualTo(1);
      assertThat(fs.orphans.inodes()).isEmpty();
      byte[] out = new byte[2048];
      assertThat(vfs.pread(vfs.open(f.inode, false), out, 0, 2048, 0)).isEqualTo(2048);
      assertThat(out).containsOnly((byte) 7);
      assertThat(f.inode.iDisksize).as("written back by the fallback").isEqualTo(2048);
    }
  }

  @Test
  void dirtyPageIsWrittenBackBeforeTheDirectWrite() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Vfs vfs = new Vfs(fs);
      OpenFile buffered = vfs.create(false);
      vfs.pwrite(buffered, TestFs.filled(1024, 1), 0, 1024, 0);
      OpenFile direct = vfs.open(buffered.inode, true);
      assertThat(vfs.pwrite(direct, TestFs.filled(1024, 2), 0, 1024, 1024)).isEqualTo(1024);
      byte[] out = new byte[2048];
      assertThat(vfs.pread(direct, out, 0, 2048, 0)).isEqualTo(2048);
      assertThat(out[0]).isEqualTo((byte) 1);
      assertThat(out[1024]).isEqualTo((byte) 2);
    }
  }

  @Test
  void shortWriteTruncatesTheBlocksPastTheWrittenEndThenFinishesBuffered() {
    FsConfig cfg = config("pre-fix").withFaults(FaultInjector.seeded(3, 1.0, 0, 0, 0));
    try (FileSystem fs = TestFs.mount(cfg)) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(true);
      assertThat(vfs.pwrite(f, TestFs.filled(4096, 8), 0, 4096, 0)).isEqualTo(4096);
      assertThat(fs.faults.injected(FaultInjector.SHORT_WRITE)).isEqualTo(1);
      assertThat(f.inode.iSize).isEqualTo(4096);
      assertThat(fs.orphans.inodes()).isEmpty();
      byte[] out = new byte[4096];
      assertThat(vfs.pread(vfs.open(f.inode, true), out, 0, 4096, 0)).isEqualTo(4096);
      assertThat(out).containsOnly((byte) 8);
    }
  }

  @Test
  void ioErrorFailsTheWriteAndFreesItsBlocks() {
    FsConfig cfg = config("upstream").withFaults(FaultInjector.seeded(1, 0, 1.0, 0, 0));
    try (FileSystem fs = TestFs.mount(cfg)) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(true);
      assertThat(vfs.pwrite(f, TestFs.filled(2048, 1), 0, 2048, 0)).isEqualTo(Errno.EIO);
      assertThat(f.inode.iSize).isZero();
      assertThat(f.inode.extents.lastMapped()).isEqualTo(-1);
      assertThat(fs.orphans.inodes()).isEmpty();
      assertThat(fs.journal.durable().orphanChain()).isEmpty();
    }
  }

  @Test
  void enospcAtAllocationFailsTheWrite() {
    FsConfig cfg = config("upstream").withFaults(FaultInjector.seeded(1, 0, 0, 1.0, 0));
    try (FileSystem fs = TestFs.mount(cfg)) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(true);
      assertThat(vfs.pwrite(f, TestFs.filled(1024, 1), 0, 1024, 0)).isEqualTo(Errno.ENOSPC);
      assertThat(fs.orphans.inodes()).isEmpty();
    }
  }

  @Test
  void waitedCompletionRunsInTheSubmitterUnderTheInodeLock() {
    AtomicReference<String> thread = new AtomicReference<>();
    AtomicReference<Boolean> locked = new AtomicReference<>();
    Variant spy = spy("pre-fix", thread, locked);
    FsConfig cfg = FsConfig.of(spy, 1024).withLatency(LatencyProfile.ASYNC);
    try (FileSystem fs = TestFs.mount(cfg)) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(true);
      Kiocb iocb = vfs.submitAioWrite(f, TestFs.filled(1024, 1), 0, 1024, 0);
      assertThat(iocb.await()).isEqualTo(1024);
      assertThat(thread.get())
          .as("extending AIO is force-waited")
          .isEqualTo(Thread.currentThread().getName());
      assertThat(locked.get()).isTrue();
    }
  }

  @Test
  void completionOfAnAioWriteNobodyWaitsForRunsOnTheWorkqueueWithoutTheLock() {
    AtomicReference<String> thread = new AtomicReference<>();
    AtomicReference<Boolean> locked = new AtomicReference<>();
    Variant spy = spy("bug-aio-endio-unlocked", thread, locked);
    // A device far slower than the submitter, so its bio completes after the submitter dropped
    // its reference. (If the submitter is slower — preempted, a cold JVM — it holds the last
    // reference and completes the DIO itself, as iomap does: so a few writes, one must queue.)
    FsConfig cfg = FsConfig.of(spy, 1024).withLatency(LatencyProfile.HDD);
    try (FileSystem fs = TestFs.mount(cfg)) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(true);
      Set<String> threads = new HashSet<>();
      boolean unlockedSeen = false;
      for (int i = 0; i < 4; i++) {
        Kiocb iocb = vfs.submitAioWrite(f, TestFs.filled(1024, 1), 0, 1024, i * 1024L);
        assertThat(iocb.await()).isEqualTo(1024);
        threads.add(thread.get());
        unlockedSeen |= thread.get().startsWith("dio-wq-") && !locked.get();
      }
      assertThat(threads).anyMatch(t -> t.startsWith("dio-wq-"));
      assertThat(unlockedSeen).isTrue();
      assertThat(f.inode.iSize).isEqualTo(4 * 1024);
      assertThat(fs.orphans.inodes()).isEmpty();
      assertThat(fs.orphans.unlockedChanges()).isPositive();
    }
  }

  private static Variant spy(
      String name, AtomicReference<String> thread, AtomicReference<Boolean> locked) {
    Variant d = VariantRegistry.byName(name);
    return new Variant() {
      @Override
      public String name() {
        return d.name();
      }

      @Override
      public String summary() {
        return d.summary();
      }

      @Override
      public int endIo(InodeExtension ext, Kiocb iocb, long size, int error) {
        thread.set(Thread.currentThread().getName());
        locked.set(iocb.inode.heldExclusiveByMe());
        return d.endIo(ext, iocb, size, error);
      }

      @Override
      public long afterDio(InodeExtension ext, Kiocb iocb, long written) {
        return d.afterDio(ext, iocb, written);
      }

      @Override
      public boolean forceWaitExtendingAio() {
        return d.forceWaitExtendingAio();
      }
    };
  }
}
