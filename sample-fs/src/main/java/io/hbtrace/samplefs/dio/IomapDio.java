package io.hbtrace.samplefs.dio;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.block.Bio;
import io.hbtrace.samplefs.block.BlockDevice;
import io.hbtrace.samplefs.fault.FaultInjector;
import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.pagecache.InvalidatePhase;
import io.hbtrace.samplefs.write.Writeback;
import java.util.concurrent.CountDownLatch;

/**
 * The iomap direct-IO engine for writes (fs/iomap/direct-io.c, v5.12): {@code iomap_dio_rw}, {@code
 * iomap_dio_bio_actor}, {@code iomap_dio_zero}, {@code iomap_dio_bio_end_io} and {@code
 * iomap_dio_complete}.
 *
 * <p>The order that matters: {@link #complete} calls the file system's end_io, then invalidates the
 * written range of the page cache again, then ends the DIO. Whatever the file system does after
 * {@link #rw} returns — where pre-fix ext4 raises i_size — comes after that invalidation.
 */
public final class IomapDio {
  private final Writeback writeback;
  private final BlockDevice device;
  private final FaultInjector faults;
  private final Ext4Iomap iomapOps;
  private final DioEndIo endIo;
  private final DioWorkqueue workqueue;

  public IomapDio(
      Writeback writeback,
      BlockDevice device,
      FaultInjector faults,
      Ext4Iomap iomapOps,
      DioEndIo endIo,
      DioWorkqueue workqueue) {
    this.writeback = writeback;
    this.device = device;
    this.faults = faults;
    this.iomapOps = iomapOps;
    this.endIo = endIo;
    this.workqueue = workqueue;
  }

  /**
   * {@code iomap_dio_rw} for a write: returns bytes written, a negative errno, {@code -ENOTBLK}
   * (fall back to buffered IO) or {@code -EIOCBQUEUED} (AIO not waited for: completes later on
   * {@code dio-wq}). {@code overwrite} selects ext4_iomap_overwrite_ops (no allocation).
   */
  public long rw(Kiocb iocb, boolean overwrite, boolean waitForCompletion) {
    Inode inode = iocb.inode;
    long pos = iocb.pos;
    long end = pos + iocb.count - 1;
    Dio dio = new Dio(iocb, inode.iSizeRead());
    int ret = writeback.writeAndWaitRange(inode, pos, end);
    if (ret != 0) {
      return ret;
    }
    if (invalidateBeforeIo(inode, pos, end) != 0) {
      return Errno.ENOTBLK;
    }
    if (!waitForCompletion) {
      workqueue.ensure();
    }
    inode.dioBegin();
    long p = pos;
    while (iocb.iter.count() > 0) {
      long r = iomapApply(dio, p, iocb.iter.count(), overwrite);
      if (r <= 0) {
        if (r == Errno.ENOTBLK) {
          waitForCompletion = true; // magic error code to fall back to buffered IO
        } else if (r < 0) {
          dio.setError((int) r);
        }
        break;
      }
      p += r;
      if (dio.stopped) {
        break; // a short write: the rest is left to the buffered fallback
      }
    }
    dio.waitForCompletion = waitForCompletion;
    if (dio.ref.decrementAndGet() != 0) {
      if (!waitForCompletion) {
        return Errno.EIOCBQUEUED;
      }
      waitForIo(dio);
    }
    return complete(dio);
  }

  /**
   * The invalidation before the IO: {@code invalidate_inode_pages2_range} over the written pages;
   * non-zero means a page could not go and the caller falls back to buffered IO.
   */
  int invalidateBeforeIo(Inode inode, long pos, long end) {
    int pageSize = inode.mapping.pageSize;
    int ret =
        inode.mapping.invalidateInodePages2Range(
            pos / pageSize, end / pageSize, InvalidatePhase.PRE_IO);
    if (ret == 0 && faults.shouldFail(FaultInjector.INVALIDATION_FAILURE, inode.ino, pos)) {
      ret = Errno.EBUSY; // as if a racing mmap write had dirtied a page of the range
    }
    return ret;
  }

  /**
   * {@code iomap_apply} of {@code iomap_dio_actor}: map from {@code pos}, write what the mapping
   * covers; ext4_iomap_end turns "nothing written" into {@code -ENOTBLK}.
   */
  long iomapApply(Dio dio, long pos, long length, boolean overwrite) {
    Iomap iomap = new Iomap();
    int r = iomapOps.iomapBegin(dio.iocb, pos, length, overwrite, iomap);
    if (r < 0) {
      return r;
    }
    if (iomap.type == Iomap.HOLE) {
      return Errno.ENOTBLK; // overwrite ops found a hole: ext4 retries under the exclusive lock
    }
    long len = Math.min(length, iomap.offset + iomap.length - pos);
    long written = dioBioActor(dio, pos, len, iomap);
    return written > 0 ? written : Errno.ENOTBLK;
  }

  /**
   * {@code iomap_dio_bio_actor}: zero the head of a partial new block, submit the data, zero the
   * tail of a partial block that is new, unwritten or at/after EOF. Returns bytes submitted.
   */
  long dioBioActor(Dio dio, long pos, long length, Iomap iomap) {
    Inode inode = dio.iocb.inode;
    int fsBlock = inode.blockSize;
    boolean needZeroout = iomap.isNew;
    if (iomap.type == Iomap.UNWRITTEN) {
      dio.flags |= Dio.UNWRITTEN;
      needZeroout = true;
    }
    if (needZeroout) {
      int pad = (int) (pos & (fsBlock - 1));
      if (pad != 0) {
        dioZero(dio, pos - pad, pad, iomap);
      }
    }
    long copied = shortWriteLength(inode, pos, length);
    if (copied < length) {
      dio.stopped = true;
    }
    if (copied > 0) {
      submitDataBio(dio, pos, (int) copied, iomap.addr + (pos - iomap.offset));
    }
    long tail = pos + copied;
    if (needZeroout || tail >= inode.iSizeRead()) {
      int pad = (int) (tail & (fsBlock - 1));
      if (pad != 0) {
        dioZero(dio, tail, fsBlock - pad, iomap);
      }
    }
    return copied;
  }

  /**
   * How much of {@code length} the actor gets to submit: all of it, or — when the SHORT_WRITE fault
   * fires — a prefix ending on a block boundary, after which the DIO stops (as when the next iomap
   * iteration ends in {@code -ENOTBLK}); the blocks already allocated past the prefix stay
   * allocated, which is what ext4's short-write truncation exists for.
   */
  private long shortWriteLength(Inode inode, long pos, long length) {
    long firstBoundary = (pos + inode.blockSize - 1) & ~((long) inode.blockSize - 1);
    long boundaries = (pos + length - 1 - firstBoundary) / inode.blockSize + 1;
    if (firstBoundary >= pos + length
        || !faults.shouldFail(FaultInjector.SHORT_WRITE, inode.ino, pos)) {
      return length;
    }
    return firstBoundary
        + (long) faults.pick((int) Math.min(boundaries, 1 << 20)) * inode.blockSize
        - pos;
  }

  /**
   * Builds and submits the data bio of {@code len} bytes of the user buffer at file {@code pos}.
   */
  void submitDataBio(Dio dio, long pos, int len, long deviceOffset) {
    Kiocb iocb = dio.iocb;
    Bio bio =
        new Bio(
            Bio.REQ_OP_WRITE,
            true,
            iocb.inode.ino,
            pos,
            len,
            deviceOffset,
            iocb.iter.buf,
            iocb.iter.bufferPosition(),
            b -> bioEndIo(dio, b));
    iocb.iter.advance(len);
    dio.size += len;
    dio.ref.incrementAndGet();
    device.submitBio(bio);
  }

  /** {@code iomap_dio_zero}: a bio writing zeros over {@code len} bytes at file {@code pos}. */
  void dioZero(Dio dio, long pos, int len, Iomap iomap) {
    long deviceOffset = iomap.addr + (pos - iomap.offset);
    Bio bio =
        new Bio(
            Bio.REQ_OP_WRITE_ZEROES,
            true,
            dio.iocb.inode.ino,
            pos,
            len,
            deviceOffset,
            null,
            0,
            b -> bioEndIo(dio, b));
    dio.ref.incrementAndGet();
    device.submitBio(bio);
  }

  /**
   * {@code iomap_dio_bio_end_io}: record an error; the last reference either wakes the waiting
   * submitter or queues the completion on the workqueue (a write nobody waits for).
   */
  public void bioEndIo(Dio dio, Bio bio) {
    if (bio.status != 0) {
      dio.setError(bio.status);
    }
    if (dio.ref.decrementAndGet() == 0) {
      if (dio.waitForCompletion) {
        dio.submitWaiter.countDown(); // blk_wake_io_task(waiter)
      } else {
        workqueue.queueWork(() -> completeWork(dio));
      }
    }
  }

  /** The submitter sleeps until the last bio wakes it. */
  void waitForIo(Dio dio) {
    awaitUninterruptibly(dio.submitWaiter);
  }

  /** {@code iomap_dio_complete_work}: complete on the workqueue and report to the AIO caller. */
  void completeWork(Dio dio) {
    try {
      dio.iocb.complete(complete(dio));
    } catch (RuntimeException e) {
      dio.iocb.fail(e); // a crash on this thread: the submitter's io_getevents sees it
    }
  }

  /**
   * {@code iomap_dio_complete}: the file system's end_io, the post-IO invalidation of the written
   * range, {@code inode_dio_end}. Returns the write's result.
   */
  public long complete(Dio dio) {
    Kiocb iocb = dio.iocb;
    Inode inode = iocb.inode;
    long offset = iocb.kiPos;
    long ret = endIo.endIo(iocb, dio.size, dio.error, dio.flags);
    if (ret == 0) {
      ret = dio.size;
      iocb.kiPos += ret;
    }
    if (dio.error == 0 && dio.size > 0) {
      invalidateAfterIo(inode, offset, offset + dio.size - 1);
    }
    inode.dioEnd();
    return ret;
  }

  /**
   * The post-IO invalidation: {@code invalidate_inode_pages2_range} again over the written pages,
   * for pages cached while the IO ran. Its failure is only warned about (dio_warn_stale_pagecache).
   */
  void invalidateAfterIo(Inode inode, long pos, long end) {
    int pageSize = inode.mapping.pageSize;
    inode.mapping.invalidateInodePages2Range(
        pos / pageSize, end / pageSize, InvalidatePhase.POST_IO);
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    for (; ; ) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
