package io.hbtrace.samplefs.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.TestFs;
import io.hbtrace.samplefs.fault.FaultInjector;
import io.hbtrace.samplefs.fs.FileSystem;
import io.hbtrace.samplefs.fs.FsConfig;
import io.hbtrace.samplefs.fs.OpenFile;
import io.hbtrace.samplefs.fs.Vfs;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MappingType;
import io.hbtrace.samplefs.variant.VariantRegistry;
import org.junit.jupiter.api.Test;

class WritebackTest {
  /**
   * ext4 raises i_disksize in the handle that allocated the delayed blocks whatever becomes of the
   * data IO ({@code mpage_map_and_submit_extent} → {@code update_disksize}); returning before the
   * update left allocated blocks past the on-disk size with no orphan entry, a crash-invariant
   * violation the crash workload finds on `upstream` with seeds 4–6.
   */
  @Test
  void aFailedWritebackStillCoversItsNewBlocksWithTheOnDiskSize() {
    FsConfig cfg =
        FsConfig.of(VariantRegistry.byName("upstream"), 1024)
            .withFaults(FaultInjector.seeded(1, 0, 1.0, 0, 0));
    try (FileSystem fs = TestFs.mount(cfg)) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(false);
      Inode inode = f.inode;
      assertThat(vfs.pwrite(f, TestFs.filled(1024, 5), 0, 1024, 0)).isEqualTo(1024);
      assertThat(vfs.fsync(f)).isEqualTo(Errno.EIO);
      assertThat(inode.extents.typeAt(0)).isEqualTo(MappingType.WRITTEN);
      assertThat(inode.iDisksize).isEqualTo(1024);
      assertThat(fs.journal.durable().inodes().get(inode.ino).disksize).isEqualTo(1024);
      assertThat(inode.mapping.dirtyPages(0, 0)).as("the page is clean, its data lost").isEmpty();
    }
  }
}
