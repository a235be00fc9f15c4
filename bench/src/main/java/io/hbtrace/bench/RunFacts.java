package io.hbtrace.bench;

import io.hbtrace.traces.event.BlockAlloc;
import io.hbtrace.traces.event.DioFlags;
import io.hbtrace.traces.event.DioWriteBegin;
import io.hbtrace.traces.event.DioWriteEnd;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.PageInsert;
import io.hbtrace.traces.event.TruncateBegin;
import io.hbtrace.traces.event.Verify;
import java.util.HashMap;
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
          }
        }
      }
      case DIO_WRITE_END -> {
        DioWriteEnd d = (DioWriteEnd) e;
        DioWriteBegin b = inFlight.remove(d.thread());
        extending.remove(d.thread());
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
      case TRUNCATE_BEGIN -> {
        if (((TruncateBegin) e).reason() == 1) {
          paths.add("failed-write-truncate");
        }
      }
      case BLOCK_ALLOC -> {
        if (((BlockAlloc) e).unwritten() == 0) {
          paths.add("alloc");
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
