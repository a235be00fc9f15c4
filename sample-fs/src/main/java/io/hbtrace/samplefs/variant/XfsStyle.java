package io.hbtrace.samplefs.variant;

import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.inode.Inode;

/**
 * {@code xfs}: the shape of {@code xfs_dio_write_end_io} grafted onto this ext4 model. end_io
 * raises i_size under a spinlock ({@code ip->i_flags_lock}: completions of concurrent AIO may race
 * to move EOF, and it must never move backwards), then raises the on-disk size in a transaction of
 * its own ({@code xfs_setfilesize}). ext4's orphan add stays in the caller, and so do orphan
 * removal and the short-write truncation, after the on-disk size is durable.
 */
public final class XfsStyle implements Variant {
  @Override
  public String name() {
    return "xfs";
  }

  @Override
  public String summary() {
    return "xfs_dio_write_end_io: i_size under a spinlock, on-disk size in its own transaction";
  }

  @Override
  public int endIo(InodeExtension ext, Kiocb iocb, long size, int error) {
    if (error != 0) {
      return error;
    }
    Inode inode = iocb.inode;
    long end = iocb.pos + size;
    inode.iFlagsLock.lock();
    try {
      if (end > inode.iSizeRead()) {
        inode.iSizeWrite(end);
      }
    } finally {
      inode.iFlagsLock.unlock();
    }
    if (end > inode.iDisksize) {
      ext.setFileSize(inode, end);
    }
    return 0;
  }

  @Override
  public long afterDio(InodeExtension ext, Kiocb iocb, long written) {
    Inode inode = iocb.inode;
    if (written < iocb.count) {
      ext.truncateFailedWrite(inode);
    } else if (inode.iOrphan && inode.nlink > 0) {
      ext.orphanDelInHandle(inode);
    }
    return written;
  }
}
