package io.hbtrace.samplefs.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code handle_t}: one atomic unit of metadata change. In this model a handle is also its own
 * transaction: {@link #tid} is the transaction id, and its records become durable together when
 * {@link Journal#stop} commits them.
 */
public final class Handle {
  /** Transaction id (never 0: 0 means "no handle" in events). */
  public final long tid;

  /** Inode the handle was started for (ext4_journal_start(inode, …)). */
  public final long ino;

  final List<MetadataRecord> records = new ArrayList<>();

  Handle(long tid, long ino) {
    this.tid = tid;
    this.ino = ino;
  }

  /** Journals a metadata change (jbd2_journal_dirty_metadata of the block holding it). */
  public void log(MetadataRecord record) {
    records.add(record);
  }

  /** The transaction id of a possibly null handle, 0 for none. */
  public static long tidOf(Handle handle) {
    return handle == null ? 0 : handle.tid;
  }
}
