package io.hbtrace.samplefs.dio;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.read.DioRead;
import io.hbtrace.samplefs.variant.Variant;
import io.hbtrace.samplefs.write.BufferedWrite;
import io.hbtrace.samplefs.write.Writeback;

/**
 * {@code ext4_dio_write_iter} (fs/ext4/file.c, v5.12) with {@code ext4_dio_write_checks}.
 *
 * <p>Order: take i_rwsem (shared only for an aligned overwrite of written blocks inside i_size,
 * else exclusive); decide extending / unaligned / wait; for an extending write add the orphan in a
 * handle of its own; {@code iomap_dio_rw}; then the variant's extension handling; release i_rwsem;
 * finish a short write's remainder with buffered IO.
 */
public final class Ext4DioWrite {
  private final IomapDio iomap;
  private final Ext4Iomap iomapOps;
  private final Variant variant;
  private final InodeExtension ext;
  private final BufferedWrite bufferedWrite;
  private final Writeback writeback;

  public Ext4DioWrite(
      IomapDio iomap,
      Ext4Iomap iomapOps,
      Variant variant,
      InodeExtension ext,
      BufferedWrite bufferedWrite,
      Writeback writeback) {
    this.iomap = iomap;
    this.iomapOps = iomapOps;
    this.variant = variant;
    this.ext = ext;
    this.bufferedWrite = bufferedWrite;
    this.writeback = writeback;
  }

  /**
   * {@code ext4_dio_write_iter}: bytes written, a negative errno, or {@code -EIOCBQUEUED} for an
   * AIO write that completes later through {@link Kiocb#complete}.
   */
  public long writeIter(Kiocb iocb) {
    Inode inode = iocb.inode;
    long offset = iocb.pos;
    long count = iocb.count;
    if (((offset | count) & (DioRead.SECTOR - 1)) != 0) {
      return Errno.EINVAL;
    }
    if (count == 0) {
      return 0;
    }
    boolean unaligned = isUnalignedIo(inode, offset, count);
    // Quick unlocked check; ext4_dio_write_checks redoes it under the lock.
    boolean shared = !unaligned && offset + count <= inode.iSizeRead();
    lockInode(inode, shared);
    long ret;
    try {
      boolean extend;
      for (; ; ) {
        extend = isExtendingIo(inode, offset, count);
        if (shared && (extend || !iomapOps.isOverwrite(inode, offset, count))) {
          unlockInode(inode, true);
          shared = false;
          lockInode(inode, false);
          continue;
        }
        break;
      }
      if (unaligned) {
        inode.dioWait(); // no two unaligned IOs in flight: their block zeroing would collide
      }
      boolean wait = !iocb.async || unaligned || (extend && variant.forceWaitExtendingAio());
      int flags =
          (extend ? DioWriteFlags.EXTENDING : 0)
              | (wait ? DioWriteFlags.FORCE_WAIT : 0)
              | (iocb.async ? DioWriteFlags.ASYNC : 0)
              | (unaligned ? DioWriteFlags.UNALIGNED : 0);
      iocb.extendingWrite = extend;
      ret = dioWriteLocked(iocb, offset, count, flags, inode.iSizeRead());
    } finally {
      unlockInode(inode, shared);
    }
    if (ret >= 0 && iocb.iter.count() > 0) {
      ret = bufferedFallback(iocb, ret);
    }
    return ret;
  }

  /**
   * The part of {@code ext4_dio_write_iter} after its checks, i_rwsem held: for an extending write
   * add the orphan, then {@code iomap_dio_rw}, then the variant's extension handling. {@code flags}
   * are {@link DioWriteFlags}; {@code sizeBefore} is i_size now.
   */
  public long dioWriteLocked(Kiocb iocb, long pos, long count, int flags, long sizeBefore) {
    Inode inode = iocb.inode;
    boolean extend = (flags & DioWriteFlags.EXTENDING) != 0;
    if (extend && variant.orphanAddBeforeIo()) {
      ext.orphanAddInHandle(inode);
    }
    boolean overwrite = !inode.iRwsem.isWriteLockedByCurrentThread();
    long ret = iomap.rw(iocb, overwrite, (flags & DioWriteFlags.FORCE_WAIT) != 0);
    if (ret == Errno.ENOTBLK) {
      ret = 0;
    }
    if (extend) {
      ret = variant.afterDio(ext, iocb, ret);
    }
    return ret;
  }

  /**
   * The remainder of a short direct write, written through the page cache after i_rwsem was
   * dropped, then written back and dropped from the cache to keep O_DIRECT semantics.
   */
  long bufferedFallback(Kiocb iocb, long directBytes) {
    Inode inode = iocb.inode;
    long offset = iocb.kiPos;
    long written = bufferedWrite.writeIter(iocb);
    if (written < 0) {
      return written;
    }
    long endbyte = offset + written - 1;
    int err = writeback.writeAndWaitRange(inode, offset, endbyte);
    if (err == 0) {
      int pageSize = inode.mapping.pageSize;
      inode.mapping.invalidateMappingPages(offset / pageSize, endbyte / pageSize);
    }
    return directBytes + written;
  }

  /** {@code ext4_extending_io}: the write ends beyond i_size or i_disksize. */
  static boolean isExtendingIo(Inode inode, long offset, long len) {
    return offset + len > inode.iSizeRead() || offset + len > inode.iDisksize;
  }

  /** {@code ext4_unaligned_io}: offset or length not a multiple of the block size. */
  static boolean isUnalignedIo(Inode inode, long offset, long len) {
    return ((offset | len) & (inode.blockSize - 1)) != 0;
  }

  private static void lockInode(Inode inode, boolean shared) {
    if (shared) {
      inode.iRwsem.readLock().lock();
    } else {
      inode.iRwsem.writeLock().lock();
    }
  }

  private static void unlockInode(Inode inode, boolean shared) {
    if (shared) {
      inode.iRwsem.readLock().unlock();
    } else {
      inode.iRwsem.writeLock().unlock();
    }
  }
}
