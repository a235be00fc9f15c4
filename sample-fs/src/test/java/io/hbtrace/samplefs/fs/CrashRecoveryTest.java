package io.hbtrace.samplefs.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hbtrace.samplefs.TestFs;
import io.hbtrace.samplefs.fault.CrashException;
import io.hbtrace.samplefs.fault.CrashPoints;
import io.hbtrace.samplefs.journal.DurableMetadata;
import io.hbtrace.samplefs.journal.MetadataRecord;
import io.hbtrace.samplefs.variant.VariantRegistry;
import org.junit.jupiter.api.Test;

class CrashRecoveryTest {
  /** Steps of an extending 2-block write on a new file: create, orphan add, alloc, data, size. */
  private static FsConfig crashAt(String variant, long step) {
    return FsConfig.of(VariantRegistry.byName(variant), 1024).withCrashPoints(CrashPoints.at(step));
  }

  @Test
  void crashBetweenAllocationAndSizeUpdateLeavesBlocksOnTheOrphanChainAndRecoveryFreesThem() {
    // Steps: 1 create commit, 2 orphan-add commit, 3 allocation commit, 4 data write, 5 size.
    FileSystem fs = TestFs.mount(crashAt("upstream", 4));
    Vfs vfs = new Vfs(fs);
    OpenFile f = vfs.create(true);
    assertThatThrownBy(() -> vfs.pwrite(f, TestFs.filled(2048, 1), 0, 2048, 0))
        .isInstanceOf(CrashException.class);
    fs.close();
    CrashImage image = fs.crashImage();
    assertThat(image.step()).isEqualTo(4);
    DurableMetadata.DurableInode inode = image.metadata().inodes().get(f.inode.ino);
    assertThat(inode.disksize).isZero();
    assertThat(inode.blocks).hasSize(2);
    assertThat(image.metadata().orphanChain()).containsExactly(f.inode.ino);
    assertThat(new Fsck(image.fsId(), 1024).checkCrashInvariant(image.metadata())).isZero();

    FileSystem recovered =
        FileSystem.mountImage(FsConfig.of(VariantRegistry.byName("upstream"), 1024), image);
    DurableMetadata after = recovered.journal.durable().copy();
    assertThat(after.inodes().get(f.inode.ino).blocks).isEmpty();
    assertThat(after.orphanChain()).isEmpty();
    Fsck fsck = new Fsck(recovered.id, 1024);
    assertThat(fsck.checkClean(after)).as(String.join("; ", fsck.problems())).isZero();
    assertThat(recovered.putSuper()).isZero();
  }

  @Test
  void addingTheOrphanAfterAllocationOpensACrashWindow() {
    // bug-add-after-alloc: 1 create, 2 allocation commit, 3 orphan add: crash at 3.
    FileSystem fs = TestFs.mount(crashAt("bug-add-after-alloc", 3));
    Vfs vfs = new Vfs(fs);
    OpenFile f = vfs.create(true);
    assertThatThrownBy(() -> vfs.pwrite(f, TestFs.filled(2048, 1), 0, 2048, 0))
        .isInstanceOf(CrashException.class);
    fs.close();
    CrashImage image = fs.crashImage();
    Fsck fsck = new Fsck(image.fsId(), 1024);
    assertThat(fsck.checkCrashInvariant(image.metadata())).isEqualTo(1);
    assertThat(fsck.problems().get(0)).contains("not on the orphan chain");
  }

  @Test
  void fsckFindsLeakedAndDoublyUsedBlocks() {
    DurableMetadata md = new DurableMetadata();
    apply(md, new MetadataRecord.InodeCreated(12));
    apply(md, new MetadataRecord.InodeWritten(12, 2048));
    apply(md, new MetadataRecord.ExtentMapped(12, 0, 100, 2, false));
    apply(md, new MetadataRecord.BitmapSet(100, 3)); // block 102 leaked
    apply(md, new MetadataRecord.InodeCreated(13));
    apply(md, new MetadataRecord.InodeWritten(13, 1024));
    apply(md, new MetadataRecord.ExtentMapped(13, 0, 101, 1, false)); // used twice
    Fsck fsck = new Fsck(1, 1024);
    assertThat(fsck.checkClean(md)).isEqualTo(2);
    assertThat(String.join("\n", fsck.problems())).contains("used twice").contains("leaked");
  }

  @Test
  void fsckInvariantToleratesBlocksPastEofOnlyForOrphans() {
    DurableMetadata md = new DurableMetadata();
    apply(md, new MetadataRecord.InodeCreated(12));
    apply(md, new MetadataRecord.ExtentMapped(12, 0, 100, 1, false));
    apply(md, new MetadataRecord.BitmapSet(100, 1));
    assertThat(new Fsck(1, 1024).checkCrashInvariant(md)).isEqualTo(1);
    apply(md, new MetadataRecord.OrphanLinked(12));
    assertThat(new Fsck(1, 1024).checkCrashInvariant(md)).isZero();
  }

  private static void apply(DurableMetadata md, MetadataRecord r) {
    r.applyTo(md);
  }
}
