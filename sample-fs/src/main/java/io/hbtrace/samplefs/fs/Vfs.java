package io.hbtrace.samplefs.fs;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.inode.Inode;
import io.hbtrace.samplefs.write.Truncate;

/**
 * The system calls of one mounted file system: {@code pwrite}, {@code pread}, AIO submission,
 * {@code fsync}, {@code ftruncate}, {@code fallocate}, dispatched as {@code ext4_file_write_iter}
 * and {@code ext4_file_read_iter} do (O_DIRECT or through the page cache).
 */
public final class Vfs {
  private final FileSystem fs;

  public Vfs(FileSystem fs) {
    this.fs = fs;
  }

  /** {@code open(O_CREAT)} of a new file. */
  public OpenFile create(boolean direct) {
    return new OpenFile(fs.createFile(), direct);
  }

  /** Another open of the same inode, with or without O_DIRECT. */
  public OpenFile open(Inode inode, boolean direct) {
    return new OpenFile(inode, direct);
  }

  /** An open of the same inode whose O_DIRECT writes go through AIO. */
  public OpenFile openAio(Inode inode) {
    return new OpenFile(inode, true, true);
  }

  /**
   * {@code pwrite} (or, on an AIO descriptor, {@code io_submit} and {@code io_getevents}): bytes
   * written or a negative errno.
   */
  public long pwrite(OpenFile file, byte[] buf, int off, int len, long pos) {
    if (file.aio) {
      return submitAioWrite(file, buf, off, len, pos).await();
    }
    Kiocb iocb = new Kiocb(file.inode, pos, new IovIter(buf, off, len), false);
    return file.direct ? fs.dioWrite.writeIter(iocb) : fs.bufferedWrite.writeIter(iocb);
  }

  /**
   * {@code io_submit} of one O_DIRECT write: returns the kiocb, already completed if the IO
   * finished (or failed) before submission returned; {@link Kiocb#await} waits for it.
   */
  public Kiocb submitAioWrite(OpenFile file, byte[] buf, int off, int len, long pos) {
    Kiocb iocb = new Kiocb(file.inode, pos, new IovIter(buf, off, len), true);
    long ret = fs.dioWrite.writeIter(iocb);
    if (ret != Errno.EIOCBQUEUED) {
      iocb.complete(ret); // aio_rw_done
    }
    return iocb;
  }

  /** {@code pread}: bytes read or a negative errno. */
  public long pread(OpenFile file, byte[] buf, int off, int len, long pos) {
    Kiocb iocb = new Kiocb(file.inode, pos, new IovIter(buf, off, len), false);
    return file.direct ? fs.dioRead.readIter(iocb) : fs.filemapRead.read(iocb);
  }

  /** {@code fsync}. */
  public int fsync(OpenFile file) {
    return fs.fsync.syncFile(file.inode);
  }

  /** {@code ftruncate} → {@code ext4_setattr}, under i_rwsem exclusive. */
  public int ftruncate(OpenFile file, long size) {
    if (size < 0) {
      return Errno.EINVAL;
    }
    Inode inode = file.inode;
    inode.iRwsem.writeLock().lock();
    try {
      fs.truncate.truncate(inode, size, Truncate.REASON_SETATTR);
      return 0;
    } finally {
      inode.iRwsem.writeLock().unlock();
    }
  }

  /** {@code fallocate(fd, 0, pos, len)}. */
  public int fallocate(OpenFile file, long pos, long len) {
    if (pos < 0 || len <= 0) {
      return Errno.EINVAL;
    }
    return fs.fallocate.fallocate(file.inode, pos, len);
  }
}
