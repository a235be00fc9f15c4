package io.hbtrace.samplefs.read;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.block.Bio;
import io.hbtrace.samplefs.block.BlockDevice;
import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.inode.BlockMapping;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.inode.MapBlocks;
import io.hbtrace.samplefs.inode.MappingType;
import io.hbtrace.samplefs.write.Writeback;

/**
 * {@code ext4_dio_read_iter} → {@code iomap_dio_rw} for a read: i_rwsem shared; i_size sampled once
 * (dio->i_size); dirty cached pages of the range written back first; written blocks read from the
 * device straight into the user buffer, holes and unwritten extents zero-filled; the result clamped
 * to the sampled size. The page cache is not touched.
 */
public final class DioRead {
  /** The device's logical block size: O_DIRECT alignment unit. */
  public static final int SECTOR = 512;

  private final BlockDevice device;
  private final MapBlocks mapBlocks;
  private final Writeback writeback;

  public DioRead(BlockDevice device, MapBlocks mapBlocks, Writeback writeback) {
    this.device = device;
    this.mapBlocks = mapBlocks;
    this.writeback = writeback;
  }

  /** {@code ext4_dio_read_iter}: bytes read, or a negative errno. */
  public long readIter(Kiocb iocb) {
    Inode inode = iocb.inode;
    if (((iocb.pos | iocb.count) & (SECTOR - 1)) != 0) {
      return Errno.EINVAL;
    }
    inode.iRwsem.readLock().lock();
    try {
      return iomapDioRead(iocb);
    } finally {
      inode.iRwsem.readLock().unlock();
    }
  }

  /** {@code iomap_dio_rw} for a read. Caller holds i_rwsem shared. */
  long iomapDioRead(Kiocb iocb) {
    Inode inode = iocb.inode;
    long isize = inode.iSizeRead();
    long pos = iocb.pos;
    if (pos >= isize || iocb.count == 0) {
      return 0;
    }
    long end = pos + iocb.count;
    int ret = writeback.writeAndWaitRange(inode, pos, end - 1);
    if (ret < 0) {
      return ret;
    }
    inode.dioBegin();
    try {
      int status = 0;
      long off = pos;
      while (off < end) {
        long lblk = off >> inode.blkbits;
        int inBlock = (int) (off & (inode.blockSize - 1));
        int maxBlocks = (int) (((end - off) + inBlock + inode.blockSize - 1) >> inode.blkbits);
        BlockMapping m = mapBlocks.lookup(inode, lblk, maxBlocks);
        int n = (int) Math.min(end - off, (long) m.length() * inode.blockSize - inBlock);
        if (m.type() == MappingType.WRITTEN) {
          long dev = m.pblk() * inode.blockSize + inBlock;
          int bufPos = iocb.iter.bufferPosition();
          status |=
              device.submitBioWait(Bio.REQ_OP_READ, inode.ino, off, n, dev, iocb.iter.buf, bufPos);
          iocb.iter.advance(n);
        } else {
          iocb.iter.zeroOut(n); // iomap_dio_hole_actor
        }
        off += n;
      }
      if (status != 0) {
        return Errno.EIO;
      }
      long done = Math.min(iocb.count, isize - pos); // short read at the sampled EOF
      iocb.kiPos += done;
      return done;
    } finally {
      inode.dioEnd();
    }
  }
}
