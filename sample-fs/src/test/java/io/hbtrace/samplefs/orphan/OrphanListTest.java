package io.hbtrace.samplefs.orphan;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.samplefs.TestFs;
import io.hbtrace.samplefs.fs.FileSystem;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.journal.Handle;
import org.junit.jupiter.api.Test;

class OrphanListTest {
  @Test
  void addAndDelAreIdempotentAndJournaled() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Inode inode = fs.createFile();
      inode.iRwsem.writeLock().lock();
      try {
        Handle h = fs.journal.start(inode.ino);
        assertThat(fs.orphans.add(h, inode)).isFalse();
        assertThat(fs.orphans.add(h, inode)).as("second add is a no-op").isTrue();
        fs.journal.stop(h);
        assertThat(fs.journal.durable().orphanChain()).containsExactly(inode.ino);
        Handle h2 = fs.journal.start(inode.ino);
        assertThat(fs.orphans.del(h2, inode)).isTrue();
        assertThat(fs.orphans.del(h2, inode)).isFalse();
        fs.journal.stop(h2);
        assertThat(fs.journal.durable().orphanChain()).isEmpty();
      } finally {
        inode.iRwsem.writeLock().unlock();
      }
      assertThat(fs.orphans.unlockedChanges()).isZero();
    }
  }

  @Test
  void deleteWithoutHandleLeavesTheOnDiskChainUntilRecovery() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Inode inode = fs.createFile();
      inode.iRwsem.readLock().lock(); // any holder satisfies ext4's check
      try {
        Handle h = fs.journal.start(inode.ino);
        fs.orphans.add(h, inode);
        fs.journal.stop(h);
        assertThat(fs.orphans.del(null, inode)).isTrue();
      } finally {
        inode.iRwsem.readLock().unlock();
      }
      assertThat(fs.orphans.inodes()).isEmpty();
      assertThat(fs.journal.durable().orphanChain()).containsExactly(inode.ino);
      assertThat(fs.putSuper()).as("unmount check sees an empty list").isZero();
    }
  }

  @Test
  void changesWithoutTheInodeLockAreCountedAndLeaksShowAtUnmount() {
    try (FileSystem fs = TestFs.mount("upstream")) {
      Inode inode = fs.createFile();
      Handle h = fs.journal.start(inode.ino);
      fs.orphans.add(h, inode);
      fs.journal.stop(h);
      assertThat(fs.orphans.unlockedChanges()).isEqualTo(1);
      assertThat(fs.putSuper()).isEqualTo(1);
    }
  }
}
