package io.hbtrace.bench;

import io.hbtrace.traces.event.BlockAlloc;
import io.hbtrace.traces.event.DioFlags;
import io.hbtrace.traces.event.DioWriteBegin;
import io.hbtrace.traces.event.DioWriteEnd;
import io.hbtrace.traces.event.DisksizeUpdate;
import io.hbtrace.traces.event.EndIo;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.JournalCommit;
import io.hbtrace.traces.event.Mount;
import io.hbtrace.traces.event.PageInsert;
import io.hbtrace.traces.event.TruncateBegin;
import io.hbtrace.traces.event.Verify;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one workload run did, observed directly from its events and independent of the checks:
 * whether a reader filled a page while another thread's extending write that puts bytes in it was
 * under way (from its begin until it published its size, in trace order: after that it extends
 * nothing), whether the workload saw wrong bytes, and which of the seeded mistakes' paths ran.
 */
final class RunFacts {
  /** Page size of the recorded workload (its default). */
  static final int PAGE_SIZE = 4096;

  boolean readerConcurrentWithExtendingWrite;
  boolean corruptionSeen;

  /**
   * Paths that ran: "error-return", "short-write", "async-extending", "extending-done", "alloc".
   */
  final Set<String> paths = new TreeSet<>();

  private final Map<Integer, DioWriteBegin> inFlight = new HashMap<>();
  private final Map<Integer, DioWriteBegin> extending = new HashMap<>();
  private final Map<Long, Long> diskSize = new HashMap<>();
  private final Set<Integer> sizeHandled = new HashSet<>();
  private int blockSize = 1024;
  private final Set<Long> allocTxns = new HashSet<>();
  private final Map<Long, DioWriteBegin> asyncByPos = new HashMap<>();
  private final Set<Integer> completing = new HashSet<>();
  private final Set<Long> returnedAsync = new HashSet<>();
  private boolean crashed;

  void accept(Event e) {
    switch (e.kind()) {
      case DIO_WRITE_BEGIN -> {
        DioWriteBegin b = (DioWriteBegin) e;
        if (DioFlags.has(b.flags(), DioFlags.EXTENDING)) {
          inFlight.put(b.thread(), b);
          extending.put(b.thread(), b);
          if (DioFlags.has(b.flags(), DioFlags.ASYNC)
              && !DioFlags.has(b.flags(), DioFlags.FORCE_WAIT)) {
            paths.add("async-extending");
            asyncByPos.put(b.pos(), b);
            returnedAsync.remove(b.pos()); // a new write at this position has not returned yet
          }
        }
      }
      case DIO_WRITE_END -> {
        DioWriteEnd d = (DioWriteEnd) e;
        if (asyncByPos.containsKey(d.pos())) {
          returnedAsync.add(d.pos());
        }
        DioWriteBegin b = inFlight.remove(d.thread());
        extending.remove(d.thread());
        sizeHandled.remove(d.thread());
        if (crashed) {
          break; // a write aborted by the crash is not a short write
        }
        if (b != null) {
          if (d.result() < 0 && d.result() != -529) {
            paths.add("error-return");
          } else if (d.result() >= 0 && d.result() < b.count()) {
            paths.add("short-write");
          } else if (d.result() > 0) {
            paths.add("extending-done");
          }
        }
      }
      case SIZE_UPDATE -> extending.remove(e.thread());
      case CRASH -> crashed = true;
      case TRUNCATE_BEGIN -> {
        if (((TruncateBegin) e).reason() == 1) {
          paths.add("failed-write-truncate");
          if (sizeHandled.contains(e.thread()) && !crashed) {
            // a write's extension handled fewer bytes than asked (maybe none, before a buffered
            // fallback), not an error (an error skips the size update), and truncates the rest
            paths.add("truncated-after-short-write");
          }
        }
      }
      case MOUNT -> blockSize = ((Mount) e).blockSize();
      case END_IO -> {
        // the mistake shows only when the completion runs without the submitter's inode lock:
        // on another thread, or after the submitting call returned
        DioWriteBegin w = asyncByPos.get(((EndIo) e).pos());
        if (w != null && (w.thread() != e.thread() || returnedAsync.contains(w.pos()))) {
          completing.add(e.thread());
        }
      }
      case DIO_COMPLETE -> {
        completing.remove(e.thread());
      }
      case JOURNAL_COMMIT -> {
        if (allocTxns.remove(((JournalCommit) e).txn())) {
          paths.add("alloc-beyond-size");
        }
      }
      case ORPHAN_ADD, ORPHAN_DEL -> {
        if (completing.contains(e.thread())) {
          paths.add("async-completion-extension");
        }
      }
      case DISKSIZE_UPDATE -> {
        DisksizeUpdate d = (DisksizeUpdate) e;
        diskSize.put(d.ino(), d.newSize());
        if (inFlight.containsKey(e.thread())) {
          sizeHandled.add(e.thread());
        }
        if (completing.contains(e.thread())) {
          paths.add("async-completion-extension");
        }
      }
      case BLOCK_ALLOC -> {
        BlockAlloc a = (BlockAlloc) e;
        if (extending.containsKey(a.thread())
            && a.lblk() * blockSize >= diskSize.getOrDefault(a.ino(), 0L)) {
          allocTxns.add(a.txn());
        }
      }
      case PAGE_INSERT -> {
        PageInsert p = (PageInsert) e;
        for (DioWriteBegin w : extending.values()) {
          long from = Math.max(w.pos(), w.sizeBefore());
          long to = w.pos() + w.count();
          long pageFrom = p.index() * PAGE_SIZE;
          if (w.thread() != p.thread()
              && w.ino() == p.ino()
              && from < pageFrom + PAGE_SIZE
              && to > pageFrom) {
            readerConcurrentWithExtendingWrite = true;
          }
        }
      }
      case VERIFY -> corruptionSeen |= ((Verify) e).badOffset() >= 0;
      default -> {}
    }
  }
}
