package io.hbtrace.bench;

import io.hbtrace.traces.TraceWriter;
import io.hbtrace.traces.event.DioFlags;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Fill;
import io.hbtrace.traces.event.Invalidation;
import io.hbtrace.traces.event.Ops;

/**
 * A synthetic event stream shaped like the generic/418 workload's: threads doing extending 16 KiB
 * direct writes (inode lock, orphan add/del, journal handles, allocation, pre- and post-IO
 * invalidation of each page, disk write, end_io, i_size and i_disksize updates) and threads doing 4
 * KiB buffered reads (lookup, insert, i_size sample, four block fills, uptodate, clamp, copy,
 * verify). Sites, inode numbers and lock identities are small numbers, as the agent produces.
 */
final class EventMix {
  static final int WRITE_PAGES = 4;
  static final long INODE_LOCK = 0x7f3a_1c20L;

  private final TraceWriter w;
  private final int role; // 0 writer, 1 reader
  private final int ino;
  private long pos;
  private long txn;
  private long size;
  private long events;

  EventMix(TraceWriter w, int thread) {
    this.w = w;
    this.role = thread % 4 == 0 ? 0 : 1; // one writer for three readers
    this.ino = 12 + thread / 4;
    this.txn = thread * 1_000_000L;
  }

  long events() {
    return events;
  }

  private void rec(EventKind k, int site, long f0, long f1, long f2, long f3, long f4) {
    w.record(k.code(), site, f0, f1, f2, f3, f4, 0);
    events++;
  }

  private void rec(EventKind k, int site, long f0, long f1, long f2) {
    rec(k, site, f0, f1, f2, 0, 0);
  }

  /** One operation: a whole direct write or a whole buffered read. */
  void operation() {
    if (role == 0) {
      directWrite();
    } else {
      bufferedRead();
    }
  }

  /** Records filler events until exactly {@code target} events were recorded. */
  void padTo(long target) {
    while (events < target) {
      rec(EventKind.JOURNAL_START, 40, ++txn, 0, 0);
    }
  }

  private void directWrite() {
    long len = WRITE_PAGES * 4096L;
    long start = pos;
    long index = start >>> 12;
    rec(EventKind.OP_BEGIN, 1, Ops.WRITE, ino, start, len, 0);
    rec(EventKind.LOCK_ACQUIRE, 2, INODE_LOCK + ino, 0, 0);
    rec(EventKind.DIO_WRITE_BEGIN, 3, ino, start, len, DioFlags.EXTENDING, size);
    rec(EventKind.ORPHAN_ADD, 4, ino, 0, ++txn);
    rec(EventKind.JOURNAL_START, 5, txn, 0, 0);
    rec(EventKind.BLOCK_ALLOC, 6, ino, index, WRITE_PAGES, 1, txn);
    rec(EventKind.JOURNAL_COMMIT, 7, txn, 0, 0);
    for (int p = 0; p < WRITE_PAGES; p++) {
      rec(EventKind.PAGE_INVALIDATE, 8, ino, index + p, Invalidation.PHASE_PRE_IO, 1, 0);
    }
    rec(EventKind.LOCK_RELEASE, 9, INODE_LOCK + ino, 0, 0);
    rec(EventKind.DISK_WRITE, 10, ino, start, len);
    rec(EventKind.IO_COMPLETE, 11, ino, start, len);
    rec(EventKind.END_IO, 12, ino, start, len, 0, 0);
    rec(EventKind.EXTENT_CONVERT, 13, ino, index, WRITE_PAGES, ++txn, 0);
    for (int p = 0; p < WRITE_PAGES; p++) {
      rec(EventKind.PAGE_INVALIDATE, 14, ino, index + p, Invalidation.PHASE_POST_IO, 1, 0);
    }
    rec(EventKind.SIZE_UPDATE, 15, ino, size, start + len);
    rec(EventKind.DISKSIZE_UPDATE, 16, ino, size, start + len, txn, 0);
    rec(EventKind.JOURNAL_START, 17, ++txn, 0, 0);
    rec(EventKind.ORPHAN_DEL, 18, ino, 1, txn);
    rec(EventKind.JOURNAL_COMMIT, 19, txn, 0, 0);
    rec(EventKind.DIO_COMPLETE, 20, ino, start, len);
    rec(EventKind.DIO_WRITE_END, 21, ino, start, len);
    rec(EventKind.OP_END, 22, Ops.WRITE, ino, start, len, 0);
    size = start + len;
    pos = start + len;
  }

  private void bufferedRead() {
    long start = pos;
    long index = start >>> 12;
    rec(EventKind.OP_BEGIN, 23, Ops.READ, ino, start, 4096, 0);
    rec(EventKind.BUFFERED_READ_BEGIN, 24, ino, start, 4096);
    rec(EventKind.PAGE_LOOKUP, 25, ino, index, 0);
    rec(EventKind.PAGE_INSERT, 26, ino, index, 0);
    rec(EventKind.SIZE_SAMPLE, 27, ino, index, size);
    for (int b = 0; b < 4; b++) {
      rec(EventKind.BLOCK_FILL, 28, ino, index, b, Fill.DISK, 0);
    }
    rec(EventKind.PAGE_UPTODATE, 29, ino, index, 0);
    rec(EventKind.SIZE_CLAMP, 30, ino, start, size);
    rec(EventKind.COPY_OUT, 31, ino, start, 4096);
    rec(EventKind.BUFFERED_READ_END, 32, ino, start, 4096);
    rec(EventKind.OP_END, 33, Ops.READ, ino, start, 4096, 0);
    rec(EventKind.VERIFY, 34, ino, start, 4096, -1, 0);
    size += 4096;
    pos = start + 4096;
  }

  /** Sites 1..40, as the agent would define them before the events that use them. */
  static void defineSites(TraceWriter w) {
    for (int i = 1; i <= 40; i++) {
      w.site("io.hbtrace.samplefs.Ext4File", "method" + i, "Ext4File.java", 100 + i);
    }
  }

  /** Writes {@code perThread} events from each of {@code threads} threads, concurrently. */
  static void record(TraceWriter w, int threads, long perThread) throws InterruptedException {
    defineSites(w);
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int me = t;
      ts[t] =
          new Thread(
              () -> {
                EventMix mix = new EventMix(w, me);
                while (mix.events() + 64 <= perThread) {
                  mix.operation();
                }
                mix.padTo(perThread);
              },
              "mix-" + t);
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
  }
}
