package io.hbtrace.samplefs.variant;

import io.hbtrace.samplefs.dio.InodeExtension;
import io.hbtrace.samplefs.fs.Kiocb;
import io.hbtrace.samplefs.inode.Inode;

/**
 * {@code rework-2023}: 91562895f803 "ext4: properly sync file size update after O_SYNC direct IO"
 * (v6.7). end_io calls {@code ext4_handle_inode_extension}, which asserts i_rwsem held for write
 * and in one handle raises i_size and i_disksize and removes the orphan; the caller only cleans up
 * ({@code ext4_inode_extension_cleanup}).
 *
 * <p>Deviation: 91562895f803's DIO path truncates only on error ({@code ret < 0}) and its end_io
 * removes the orphan whatever was written. This model's SHORT_WRITE fault leaves allocated blocks
 * past the written end, which the kernel's DIO path avoids; so, as dda898d7ffe8 (2024) did for DAX,
 * the orphan is removed only when the whole request was written, and the caller truncates after a
 * short write too.
 */
public final class Rework2023 implements Variant {
  @Override
  public String name() {
    return "rework-2023";
  }

  @Override
  public String summary() {
    return "v6.7 rework (91562895f803): end_io does sizes + orphan removal, asserts i_rwsem";
  }

  @Override
  public int endIo(InodeExtension ext, Kiocb iocb, long size, int error) {
    if (error != 0) {
      return error;
    }
    Inode inode = iocb.inode;
    long end = iocb.pos + size;
    if (end > inode.iSizeRead() || end > inode.iDisksize) {
      ext.assertHeldExclusive(inode);
      ext.extendInOneHandle(inode, iocb.pos, size, iocb.count);
    }
    return 0;
  }

  @Override
  public long afterDio(InodeExtension ext, Kiocb iocb, long written) {
    ext.inodeExtensionCleanup(iocb.inode, written < iocb.count);
    return written;
  }
}
