package io.hbtrace.samplefs.variant;

import io.hbtrace.samplefs.Errno;
import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.fs.Kiocb;

/**
 * {@code bug-aio-endio-unlocked} (seeded mistake, on top of {@link Upstream}): an extending AIO
 * write is not force-waited, so {@code iomap_dio_rw} returns {@code -EIOCBQUEUED}, the submitter
 * drops i_rwsem, and the completion — end_io doing the whole of {@code
 * ext4_handle_inode_extension}: i_size, i_disksize, orphan removal, truncation — runs on a {@code
 * dio-wq} thread holding no inode lock. What IOMAP_DIO_FORCE_WAIT prevents; the orphan list's lock
 * check counts the unlocked changes.
 */
public final class BugAioEndioUnlocked extends Upstream {
  @Override
  public String name() {
    return "bug-aio-endio-unlocked";
  }

  @Override
  public String summary() {
    return "seeded: extending AIO not waited; orphan/disksize work on dio-wq without i_rwsem";
  }

  @Override
  public boolean forceWaitExtendingAio() {
    return false;
  }

  @Override
  public int endIo(InodeExtension ext, Kiocb iocb, long size, int error) {
    if (iocb.async && iocb.extendingWrite) {
      ext.handleInodeExtension(iocb.inode, iocb.pos, error != 0 ? error : size, iocb.count);
      return error;
    }
    return super.endIo(ext, iocb, size, error);
  }

  /**
   * The completion did (or will do) the extension work, whether it ran inline — the IO finished
   * before iomap_dio_rw returned — or later on dio-wq; the caller must not do it a second time.
   */
  @Override
  public long afterDio(InodeExtension ext, Kiocb iocb, long written) {
    if (written == Errno.EIOCBQUEUED || (iocb.async && iocb.extendingWrite)) {
      return written;
    }
    return super.afterDio(ext, iocb, written);
  }
}
