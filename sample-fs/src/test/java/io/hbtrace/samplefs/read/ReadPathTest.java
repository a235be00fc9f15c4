package io.hbtrace.samplefs.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.samplefs.TestFs;
import io.hbtrace.samplefs.fs.FileSystem;
import io.hbtrace.samplefs.fs.OpenFile;
import io.hbtrace.samplefs.fs.Vfs;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.pagecache.Page;
import io.hbtrace.samplefs.pagecache.PageVec;
import org.junit.jupiter.api.Test;

class ReadPathTest {
  @Test
  void readpageZeroFillsBlocksAtOrAfterTheSampledEofEvenIfTheDiskHasData() {
    try (FileSystem fs = TestFs.mount("pre-fix")) {
      Vfs vfs = new Vfs(fs);
      OpenFile direct = vfs.create(true);
      Inode inode = direct.inode;
      vfs.pwrite(direct, TestFs.filled(2048, 9), 0, 2048, 0);
      // Shrink i_size behind readpage's back: block 1 is on disk but past the EOF it samples.
      inode.iSizeWrite(1024);
      Page page = inode.mapping.addToPageCacheLocked(0);
      fs.readPage.readPage(inode, page);
      page.waitOnPageLocked();
      assertThat(page.isUptodate()).isTrue();
      assertThat(page.data[0]).isEqualTo((byte) 9);
      assertThat(page.data[1024]).as("block 1: zero past EOF").isZero();
      inode.iSizeWrite(2048);
      byte[] out = new byte[1024];
      assertThat(vfs.pread(vfs.open(inode, false), out, 0, 1024, 1024)).isEqualTo(1024);
      assertThat(out).as("the stale cached zeros reach the user").containsOnly((byte) 0);
    }
  }

  @Test
  void holesAndUnwrittenExtentsReadAsZeros() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(false);
      assertThat(vfs.ftruncate(f, 4096)).isZero();
      assertThat(vfs.fallocate(f, 2048, 1024)).isZero();
      byte[] out = TestFs.filled(4096, 5);
      assertThat(vfs.pread(f, out, 0, 4096, 0)).isEqualTo(4096);
      assertThat(out).containsOnly((byte) 0);
    }
  }

  @Test
  void bufferedReadIsClampedToIsizeAndCachesThePage() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Vfs vfs = new Vfs(fs);
      OpenFile f = vfs.create(false);
      vfs.pwrite(f, TestFs.filled(1500, 3), 0, 1500, 0);
      assertThat(vfs.fsync(f)).isZero();
      byte[] out = new byte[4096];
      assertThat(vfs.pread(f, out, 0, 4096, 0)).isEqualTo(1500);
      assertThat(vfs.pread(f, out, 0, 10, 1500)).isZero();
      assertThat(f.inode.mapping.findGetPages(0, new PageVec())).isEqualTo(1);
    }
  }

  @Test
  void directReadTakesDataFromTheDiskAfterWritingBackDirtyPages() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Vfs vfs = new Vfs(fs);
      OpenFile buffered = vfs.create(false);
      vfs.pwrite(buffered, TestFs.filled(2048, 4), 0, 2048, 0);
      byte[] out = new byte[2048];
      assertThat(vfs.pread(vfs.open(buffered.inode, true), out, 0, 2048, 0)).isEqualTo(2048);
      assertThat(out).containsOnly((byte) 4);
      assertThat(buffered.inode.iDisksize).as("written back").isEqualTo(2048);
    }
  }

  @Test
  void fillSourceOrderIsTheHookContract() {
    assertThat(FillSource.DISK.ordinal()).isZero();
    assertThat(FillSource.ZERO_PAST_EOF.ordinal()).isEqualTo(1);
    assertThat(FillSource.HOLE.ordinal()).isEqualTo(2);
    assertThat(FillSource.UNWRITTEN.ordinal()).isEqualTo(3);
  }
}
