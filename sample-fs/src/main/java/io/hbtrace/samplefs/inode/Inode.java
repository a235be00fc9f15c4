package io.hbtrace.samplefs.inode;

import io.hbtrace.samplefs.journal.Handle;
import io.hbtrace.samplefs.journal.MetadataRecord;
import io.hbtrace.samplefs.pagecache.AddressSpace;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@code struct inode} + {@code struct ext4_inode_info} of one regular file.
 *
 * <p>Two sizes, as in ext4: {@link #iSize} is what reads see, read without a lock ({@code
 * i_size_read}) and written only by {@link #iSizeWrite}, whose callers serialise it (i_rwsem, or a
 * spinlock in the XFS-style variant); {@link #iDisksize} is the size the next journal commit of the
 * raw inode makes durable, written only by {@link #setDisksize}.
 */
public final class Inode {
  public final long ino;
  public final int blockSize;
  public final int blkbits;

  /** i_size: lockless readers; one writer method. */
  public volatile long iSize;

  /** EXT4_I(inode)->i_disksize. */
  public long iDisksize;

  /** i_rwsem (inode_lock / inode_lock_shared). */
  public final ReentrantReadWriteLock iRwsem = new ReentrantReadWriteLock();

  /** EXT4_I(inode)->i_data_sem: protects the extent map and i_disksize updates. */
  public final ReentrantReadWriteLock iDataSem = new ReentrantReadWriteLock();

  public final ExtentMap extents;

  /**
   * The XFS-style variant's {@code ip->i_flags_lock}: a spinlock serialising i_size updates from
   * concurrent IO completions.
   */
  public final ReentrantLock iFlagsLock = new ReentrantLock();

  /** i_mapping: the page cache of this file. */
  public final AddressSpace mapping;

  /** On the in-memory orphan list ({@code !list_empty(&EXT4_I(inode)->i_orphan)}). */
  public volatile boolean iOrphan;

  public int nlink = 1;

  private final AtomicInteger iDioCount = new AtomicInteger();
  private final ReentrantLock dioWaitLock = new ReentrantLock();
  private final Condition dioDrained = dioWaitLock.newCondition();

  public Inode(long ino, int blockSize, int pageSize) {
    this.ino = ino;
    this.blockSize = blockSize;
    this.blkbits = Integer.numberOfTrailingZeros(blockSize);
    this.extents = new ExtentMap(ino);
    this.mapping = new AddressSpace(ino, pageSize, blockSize);
  }

  /** {@code i_size_read}. */
  public long iSizeRead() {
    return iSize;
  }

  /** {@code i_size_write}: the only store to i_size. Callers serialise it. */
  public void iSizeWrite(long newSize) {
    iSize = newSize;
  }

  /** The only store to i_disksize; {@code handle} is the transaction it belongs to (or null). */
  public void setDisksize(Handle handle, long newSize) {
    iDisksize = newSize;
  }

  /** {@code ext4_update_i_disksize}: raise i_disksize under i_data_sem, never lower it. */
  public void updateIDisksize(Handle handle, long newSize) {
    iDataSem.writeLock().lock();
    try {
      if (newSize > iDisksize) {
        setDisksize(handle, newSize);
      }
    } finally {
      iDataSem.writeLock().unlock();
    }
  }

  /**
   * {@code ext4_update_inode_size}: raise i_size and i_disksize to {@code newSize} where lower;
   * returns bit 1 if i_size changed, bit 2 if i_disksize did.
   */
  public int updateInodeSize(Handle handle, long newSize) {
    int changed = 0;
    if (newSize > iSize) {
      iSizeWrite(newSize);
      changed = 1;
    }
    if (newSize > iDisksize) {
      updateIDisksize(handle, newSize);
      changed |= 2;
    }
    return changed;
  }

  /**
   * {@code ext4_mark_inode_dirty}: copy the in-memory inode into its raw on-disk form (with its
   * checksum) and journal that block in {@code handle}.
   */
  public void markDirty(Handle handle) {
    RawInode.encode(this);
    handle.log(new MetadataRecord.InodeWritten(ino, iDisksize));
  }

  /** {@code inode_dio_begin}. */
  public void dioBegin() {
    iDioCount.incrementAndGet();
  }

  /** {@code inode_dio_end}: the last DIO out wakes {@code inode_dio_wait}ers. */
  public void dioEnd() {
    if (iDioCount.decrementAndGet() == 0) {
      wakeDioWaiters();
    }
  }

  private void wakeDioWaiters() {
    dioWaitLock.lock();
    try {
      dioDrained.signalAll();
    } finally {
      dioWaitLock.unlock();
    }
  }

  /** {@code inode_dio_wait}: wait until no direct IO is in flight. */
  public void dioWait() {
    dioWaitLock.lock();
    try {
      while (iDioCount.get() != 0) {
        dioDrained.awaitUninterruptibly();
      }
    } finally {
      dioWaitLock.unlock();
    }
  }

  /** {@code inode_is_locked}: i_rwsem held by anyone, in any mode (what ext4's WARNs check). */
  public boolean isLocked() {
    return iRwsem.isWriteLocked() || iRwsem.getReadLockCount() > 0;
  }

  /** {@code lockdep_assert_held_write(&inode->i_rwsem)} for the current thread. */
  public boolean heldExclusiveByMe() {
    return iRwsem.isWriteLockedByCurrentThread();
  }
}
