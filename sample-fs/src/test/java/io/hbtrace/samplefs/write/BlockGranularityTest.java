package io.hbtrace.samplefs.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.TestFs;
import io.hbtrace.samplefs.block.Bio;
import io.hbtrace.samplefs.fault.FaultInjector;
import io.hbtrace.samplefs.fs.FileSystem;
import io.hbtrace.samplefs.fs.FsConfig;
import io.hbtrace.samplefs.fs.OpenFile;
import io.hbtrace.samplefs.fs.Vfs;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MappingType;
import io.hbtrace.samplefs.pagecache.Page;
import io.hbtrace.samplefs.pagecache.PageVec;
import io.hbtrace.samplefs.variant.VariantRegistry;
import org.junit.jupiter.api.Test;

/**
 * Buffered writes and writeback with 1 KiB blocks on 4 KiB pages track uptodate and dirty per
 * block, as fs/buffer.c and {@code ext4_bio_write_page} do: the path a short direct write's
 * buffered fallback takes in dio-invalidate-cache, where each child owns one block of a shared
 * page.
 */
class BlockGranularityTest {
  private static final int BLOCK = 1024;

  @Test
  void writebackWritesOnlyTheDirtyBlockNotItsCleanNeighbours() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Vfs vfs = new Vfs(fs);
      OpenFile direct = vfs.create(true);
      Inode inode = direct.inode;
      assertThat(vfs.pwrite(direct, TestFs.filled(4096, 1), 0, 4096, 0)).isEqualTo(4096);
      OpenFile buffered = vfs.open(inode, false);
      assertThat(vfs.pwrite(buffered, TestFs.filled(BLOCK, 2), 0, BLOCK, BLOCK)).isEqualTo(BLOCK);
      // Block 2 changes on disk after the buffered write (as a neighbour's direct write does);
      // the page never held it, so writeback must not put an older copy back.
      writeRaw(fs, inode, 2, 9);
      assertThat(vfs.fsync(buffered)).isZero();
      assertThat(readRaw(fs, inode, 1)).containsOnly((byte) 2);
      assertThat(readRaw(fs, inode, 2)).as("clean block left alone").containsOnly((byte) 9);
      assertThat(readRaw(fs, inode, 0)).containsOnly((byte) 1);
    }
  }

  @Test
  void aWriteOfWholeBlocksReadsNothingAndTheRestIsReadWhenTheFileIsRead() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Vfs vfs = new Vfs(fs);
      OpenFile direct = vfs.create(true);
      Inode inode = direct.inode;
      vfs.pwrite(direct, TestFs.filled(4096, 1), 0, 4096, 0);
      OpenFile buffered = vfs.open(inode, false);
      vfs.pwrite(buffered, TestFs.filled(BLOCK, 2), 0, BLOCK, BLOCK);
      Page page = cachedPage(inode, 0);
      assertThat(page.isUptodate()).as("three blocks left out").isFalse();
      assertThat(page.isBlockUptodate(1)).isTrue();
      assertThat(page.isBlockDirty(1)).isTrue();
      assertThat(page.isBlockUptodate(2)).isFalse();
      assertThat(page.isBlockDirty(2)).isFalse();
      writeRaw(fs, inode, 2, 9);
      byte[] out = new byte[4096];
      assertThat(vfs.pread(buffered, out, 0, 4096, 0)).isEqualTo(4096);
      assertThat(slice(out, 1)).as("the dirty block").containsOnly((byte) 2);
      assertThat(slice(out, 2)).as("read now, not when block 1 was written").containsOnly((byte) 9);
      assertThat(page.isUptodate()).isTrue();
      assertThat(page.isBlockDirty(1)).as("reading does not clean it").isTrue();
    }
  }

  @Test
  void aWriteInsideOneBlockReadsThatBlockOnly() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Vfs vfs = new Vfs(fs);
      OpenFile direct = vfs.create(true);
      Inode inode = direct.inode;
      vfs.pwrite(direct, TestFs.filled(4096, 1), 0, 4096, 0);
      OpenFile buffered = vfs.open(inode, false);
      vfs.pwrite(buffered, TestFs.filled(100, 2), 0, 100, BLOCK + 10);
      Page page = cachedPage(inode, 0);
      assertThat(page.isBlockUptodate(1)).isTrue();
      assertThat(page.isBlockUptodate(0)).isFalse();
      assertThat(page.data[BLOCK]).as("rest of block 1 from the disk").isEqualTo((byte) 1);
      assertThat(page.data[BLOCK + 10]).isEqualTo((byte) 2);
      assertThat(vfs.fsync(buffered)).isZero();
      assertThat(readRaw(fs, inode, 1)[9]).isEqualTo((byte) 1);
      assertThat(readRaw(fs, inode, 1)[10]).isEqualTo((byte) 2);
    }
  }

  @Test
  void writebackAllocatesOnlyTheDirtyDelayedBlocks() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(false);
      assertThat(vfs.ftruncate(f, 4096)).isZero();
      vfs.pwrite(f, TestFs.filled(BLOCK, 3), 0, BLOCK, BLOCK);
      assertThat(vfs.fsync(f)).isZero();
      Inode inode = f.inode;
      assertThat(inode.extents.typeAt(1)).isEqualTo(MappingType.WRITTEN);
      assertThat(inode.extents.typeAt(0)).isEqualTo(MappingType.HOLE);
      assertThat(inode.extents.typeAt(2)).isEqualTo(MappingType.HOLE);
      assertThat(inode.extents.typeAt(3)).isEqualTo(MappingType.HOLE);
    }
  }

  /**
   * The dio-invalidate-cache failure: a child's buffered fallback dirties its (allocated) block of
   * a page whose other blocks are holes inside i_size; writeback tried to allocate those clean
   * holes, hit ENOSPC, and left the page clean with the child's data never written, so the next
   * read after an invalidation returned the old disk contents.
   */
  @Test
  void enospcNeverReachesTheWritebackOfADirtyBlockBesideCleanHoles() {
    FsConfig cfg =
        FsConfig.of(VariantRegistry.byName("upstream"), BLOCK)
            .withFaults(FaultInjector.seeded(1, 0, 0, 1.0, 0)); // every allocation attempt fails
    try (FileSystem fs = TestFs.mount(cfg)) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(false);
      Inode inode = f.inode;
      assertThat(vfs.ftruncate(f, 4096)).isZero();
      // Block 0 allocated earlier (the short direct write's unwritten extent); a free block the
      // allocator is not asked for again in this test.
      inode.extents.load(0, 4000, true);
      assertThat(vfs.pwrite(f, TestFs.filled(BLOCK, 5), 0, BLOCK, 0)).isEqualTo(BLOCK);
      assertThat(vfs.fsync(f)).isZero();
      assertThat(fs.faults.injected(FaultInjector.ENOSPC)).isZero();
      assertThat(inode.extents.typeAt(0)).isEqualTo(MappingType.WRITTEN);
      inode.mapping.invalidateMappingPages(0, 0);
      assertThat(inode.mapping.nrpages()).isZero();
      byte[] out = new byte[BLOCK];
      assertThat(vfs.pread(f, out, 0, BLOCK, 0)).isEqualTo(BLOCK);
      assertThat(out).containsOnly((byte) 5);
    }
  }

  @Test
  void enospcOfADelayedAllocationFailsTheWriteItself() {
    FsConfig cfg =
        FsConfig.of(VariantRegistry.byName("upstream"), BLOCK)
            .withFaults(FaultInjector.seeded(1, 0, 0, 1.0, 0));
    try (FileSystem fs = TestFs.mount(cfg)) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(false);
      assertThat(vfs.pwrite(f, TestFs.filled(BLOCK, 5), 0, BLOCK, 0)).isEqualTo(Errno.ENOSPC);
      assertThat(f.inode.iSize).isZero();
      assertThat(f.inode.mapping.dirtyPages(0, 0)).isEmpty();
      assertThat(vfs.fsync(f)).isZero();
    }
  }

  @Test
  void aWriteIntoAnAlreadyDelayedBlockReservesNothingMore() {
    FsConfig cfg =
        FsConfig.of(VariantRegistry.byName("upstream"), BLOCK)
            .withFaults(FaultInjector.seeded(1, 0, 0, 0.5, 0));
    try (FileSystem fs = TestFs.mount(cfg)) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(false);
      long first;
      do {
        first = vfs.pwrite(f, TestFs.filled(BLOCK, 5), 0, BLOCK, 0);
      } while (first == Errno.ENOSPC);
      long before = fs.faults.injected(FaultInjector.ENOSPC);
      for (int i = 0; i < 20; i++) {
        assertThat(vfs.pwrite(f, TestFs.filled(10, 6), 0, 10, 100)).isEqualTo(10);
      }
      assertThat(fs.faults.injected(FaultInjector.ENOSPC)).isEqualTo(before);
    }
  }

  private static Page cachedPage(Inode inode, long index) {
    PageVec pvec = new PageVec();
    assertThat(inode.mapping.findGetPages(index, pvec)).isEqualTo(1);
    return pvec.page;
  }

  private static byte[] slice(byte[] page, int block) {
    byte[] b = new byte[BLOCK];
    System.arraycopy(page, block * BLOCK, b, 0, BLOCK);
    return b;
  }

  private static byte[] readRaw(FileSystem fs, Inode inode, long lblk) {
    byte[] raw = new byte[BLOCK];
    long dev = inode.extents.blockAt(lblk) * BLOCK;
    fs.device.submitBioWait(Bio.REQ_OP_READ, inode.ino, lblk * BLOCK, BLOCK, dev, raw, 0);
    return raw;
  }

  private static void writeRaw(FileSystem fs, Inode inode, long lblk, int value) {
    long dev = inode.extents.blockAt(lblk) * BLOCK;
    fs.device.submitBioWait(
        Bio.REQ_OP_WRITE, inode.ino, lblk * BLOCK, BLOCK, dev, TestFs.filled(BLOCK, value), 0);
  }
}
