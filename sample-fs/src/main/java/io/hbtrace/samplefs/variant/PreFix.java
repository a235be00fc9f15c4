package io.hbtrace.samplefs.variant;

import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.fs.Kiocb;

/**
 * {@code pre-fix}: ext4 from its iomap DIO conversion (378f32bab371, v5.5) to v5.12. end_io only
 * converts unwritten extents; i_size, i_disksize and the orphan are handled by {@code
 * ext4_handle_inode_extension} after {@code iomap_dio_rw} returned — after the post-IO
 * invalidation. A buffered read that inserts a page in between samples the old i_size and caches
 * zeros over the newly written blocks: the generic/418 corruption.
 */
public final class PreFix implements Variant {
  @Override
  public String name() {
    return "pre-fix";
  }

  @Override
  public String summary() {
    return "v5.5-v5.12 (378f32bab371): i_size raised after iomap_dio_rw returns; racy";
  }

  @Override
  public int endIo(InodeExtension ext, Kiocb iocb, long size, int error) {
    return error;
  }

  @Override
  public long afterDio(InodeExtension ext, Kiocb iocb, long written) {
    return ext.handleInodeExtension(iocb.inode, iocb.pos, written, iocb.count);
  }
}
