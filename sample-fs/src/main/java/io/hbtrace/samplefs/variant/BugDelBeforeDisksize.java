package io.hbtrace.samplefs.variant;

import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.inode.Inode;

/**
 * {@code bug-del-before-disksize} (seeded mistake, on top of {@link Upstream}): a completed
 * extending write removes the orphan in one handle and raises i_disksize in the next, so the
 * on-disk orphan removal commits before the new size does. A crash between the two commits leaves
 * the new blocks past the old on-disk size, unowned by the orphan chain.
 */
public final class BugDelBeforeDisksize extends Upstream {
  @Override
  public String name() {
    return "bug-del-before-disksize";
  }

  @Override
  public String summary() {
    return "seeded: on-disk orphan removal committed before the i_disksize update";
  }

  @Override
  public long afterDio(InodeExtension ext, Kiocb iocb, long written) {
    Inode inode = iocb.inode;
    if (written == iocb.count && iocb.pos + iocb.count > inode.iDisksize) {
      ext.orphanDelInHandle(inode);
      ext.updateSizesInHandle(inode, iocb.pos + written);
      return written;
    }
    return super.afterDio(ext, iocb, written);
  }
}
