package io.hbtrace.samplefs.variant;

import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.fs.Kiocb;

/**
 * {@code bug-add-after-alloc} (seeded mistake, on top of {@link Upstream}): the orphan is added
 * only after ext4_iomap_alloc has allocated (and committed) the blocks beyond the on-disk size. A
 * crash between the allocation's commit and the orphan add's leaves those blocks unowned by the
 * orphan chain.
 */
public final class BugAddAfterAlloc extends Upstream {
  @Override
  public String name() {
    return "bug-add-after-alloc";
  }

  @Override
  public String summary() {
    return "seeded: orphan added after the blocks are allocated";
  }

  @Override
  public boolean orphanAddBeforeIo() {
    return false;
  }

  @Override
  public void afterBlocksAllocated(InodeExtension ext, Kiocb iocb) {
    if (iocb.extendingWrite) {
      ext.orphanAddInHandle(iocb.inode);
    }
  }
}
