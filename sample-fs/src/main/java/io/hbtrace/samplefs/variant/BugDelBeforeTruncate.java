package io.hbtrace.samplefs.variant;

import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.fs.Kiocb;

/**
 * {@code bug-del-before-truncate} (seeded mistake, on top of {@link Upstream}): after a short write
 * the orphan is removed in the size-update handle, before the blocks past the new EOF are freed by
 * the truncation in a later handle. A crash between the two leaves allocated blocks past the
 * on-disk size on an inode that recovery will not visit — the class of bug the DAX fix dda898d7ffe8
 * (2024) repaired.
 */
public final class BugDelBeforeTruncate extends Upstream {
  @Override
  public String name() {
    return "bug-del-before-truncate";
  }

  @Override
  public String summary() {
    return "seeded: short write removes the orphan before freeing the blocks past EOF";
  }

  @Override
  public long afterDio(InodeExtension ext, Kiocb iocb, long written) {
    if (written >= 0 && written < iocb.count && iocb.pos + iocb.count > iocb.inode.iDisksize) {
      ext.extendInOneHandle(iocb.inode, iocb.pos, written, written); // removes the orphan
      ext.truncateFailedWrite(iocb.inode);
      return written;
    }
    return super.afterDio(ext, iocb, written);
  }
}
