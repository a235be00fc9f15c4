package io.hbtrace.samplefs.variant;

import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.fs.Kiocb;

/**
 * {@code upstream}: the fix that went into v5.13, 5899593f51e6 "ext4: Fix occasional generic/418
 * failure" (v3 of Jan Kara's patch, acked by Dave Chinner). end_io raises only the in-memory
 * i_size, before iomap's post-IO invalidation; i_disksize, orphan removal and the short-write
 * truncation stay in {@code ext4_handle_inode_extension}. Safe without a lock of its own because
 * every extending write is waited for under i_rwsem held exclusive.
 */
public class Upstream implements Variant {
  @Override
  public String name() {
    return "upstream";
  }

  @Override
  public String summary() {
    return "v5.13 fix (5899593f51e6): end_io raises only i_size; disksize/orphan in the caller";
  }

  @Override
  public int endIo(InodeExtension ext, Kiocb iocb, long size, int error) {
    if (error != 0) {
      return error;
    }
    ext.raiseIsize(iocb.inode, iocb.pos + size);
    return 0;
  }

  @Override
  public long afterDio(InodeExtension ext, Kiocb iocb, long written) {
    return ext.handleInodeExtension(iocb.inode, iocb.pos, written, iocb.count);
  }
}
