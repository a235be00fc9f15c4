package io.hbtrace.samplefs.orphan;

import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.journal.Handle;
import io.hbtrace.samplefs.journal.MetadataRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code sbi->s_orphan}: inodes whose blocks past their on-disk size must be freed if the system
 * crashes (an extending write in flight, a truncate in progress).
 *
 * <p>{@link #add} and {@link #del} stand for {@code ext4_orphan_add} / {@code ext4_orphan_del}.
 * Both warn, as ext4 does, unless the inode's i_rwsem is held (by anyone, in any mode); the model
 * counts those warnings in {@link #unlockedChanges()}. Both are idempotent. A delete without a
 * handle removes only the in-memory entry: the on-disk chain keeps the inode until recovery.
 */
public final class OrphanList {
  /** s_orphan_lock: the superblock's orphan mutex. */
  public final ReentrantLock sOrphanLock = new ReentrantLock();

  private final Set<Long> list = new LinkedHashSet<>();
  private final AtomicInteger unlockedChanges = new AtomicInteger();

  /**
   * {@code ext4_orphan_add}: put the inode on the list and, in {@code handle}, on the on-disk
   * chain. Returns whether it was on the list already (then nothing changes).
   */
  public boolean add(Handle handle, Inode inode) {
    checkInodeLocked(inode);
    sOrphanLock.lock();
    try {
      if (inode.iOrphan) {
        return true;
      }
      inode.iOrphan = true;
      list.add(inode.ino);
      if (handle != null) {
        handle.log(new MetadataRecord.OrphanLinked(inode.ino));
        inode.markDirty(handle); // the inode's i_dtime now links the chain
      }
      return false;
    } finally {
      sOrphanLock.unlock();
    }
  }

  /**
   * {@code ext4_orphan_del}: take the inode off the list and, with a {@code handle}, off the
   * on-disk chain. Returns whether it was on the list (if not, nothing changes).
   */
  public boolean del(Handle handle, Inode inode) {
    checkInodeLocked(inode);
    sOrphanLock.lock();
    try {
      if (!inode.iOrphan) {
        return false;
      }
      inode.iOrphan = false;
      list.remove(inode.ino);
      if (handle != null) {
        handle.log(new MetadataRecord.OrphanUnlinked(inode.ino));
        inode.markDirty(handle);
      }
      return true;
    } finally {
      sOrphanLock.unlock();
    }
  }

  /** ext4's WARN_ON_ONCE(!inode_is_locked(inode)) in both functions. */
  private void checkInodeLocked(Inode inode) {
    if (!inode.isLocked()) {
      unlockedChanges.incrementAndGet();
    }
  }

  /** How often an orphan add/del ran without the inode's i_rwsem held by anyone. */
  public int unlockedChanges() {
    return unlockedChanges.get();
  }

  /** Inodes on the in-memory list, oldest first. */
  public List<Long> inodes() {
    sOrphanLock.lock();
    try {
      return new ArrayList<>(list);
    } finally {
      sOrphanLock.unlock();
    }
  }

  /**
   * Loads an inode found on the on-disk chain at mount ({@code ext4_orphan_cleanup} puts it on the
   * in-memory list before truncating it).
   */
  public void adopt(Inode inode) {
    sOrphanLock.lock();
    try {
      inode.iOrphan = true;
      list.add(inode.ino);
    } finally {
      sOrphanLock.unlock();
    }
  }
}
