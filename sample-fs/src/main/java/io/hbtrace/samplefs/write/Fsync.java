package io.hbtrace.samplefs.write;

import io.hbtrace.samplefs.inode.Inode;

/**
 * {@code ext4_sync_file}: write back and wait for the file's dirty pages. The journal commit that
 * ext4 then forces ({@code jbd2_complete_transaction}) has already happened in this model: every
 * handle commits when it stops.
 */
public final class Fsync {
  private final Writeback writeback;

  public Fsync(Writeback writeback) {
    this.writeback = writeback;
  }

  /** {@code ext4_sync_file}: 0 or a negative errno. */
  public int syncFile(Inode inode) {
    return writeback.writeAndWaitRange(inode, 0, Long.MAX_VALUE - 1);
  }
}
