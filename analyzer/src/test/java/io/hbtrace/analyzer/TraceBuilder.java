package io.hbtrace.analyzer;

import io.hbtrace.traces.event.DioFlags;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Events;
import io.hbtrace.traces.event.Fill;
import io.hbtrace.traces.event.Invalidation;
import io.hbtrace.traces.event.LockMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built traces for check tests: raw events with increasing order keys, plus the event
 * sequences sample-fs produces for each phase of a direct write and a buffered read, so a test can
 * interleave phases exactly as it wants.
 */
public final class TraceBuilder implements Symbols {
  public static final long INO = 12;
  public static final long INODE_LOCK = 900;
  private final List<Event> events = new ArrayList<>();
  private final Map<Integer, String> strings = new HashMap<>();
  private long seq;
  private long txn;
  private int blockSize = 1024;
  private int pageSize = 4096;
  private int nextSite = 1;
  private final Map<String, Integer> sites = new HashMap<>();
  private final Map<Integer, SourceSite> siteById = new HashMap<>();

  public TraceBuilder raw(EventKind kind, int thread, long... fields) {
    return rawAt(kind, thread, 0, fields);
  }

  public TraceBuilder rawAt(EventKind kind, int thread, int site, long... fields) {
    long[] f = new long[EventKind.MAX_FIELDS];
    System.arraycopy(fields, 0, f, 0, fields.length);
    events.add(Events.create(kind, seq++, thread, site, f));
    return this;
  }

  /** A site id for a made-up source location, stable per name. */
  public int site(String method) {
    return sites.computeIfAbsent(
        method,
        m -> {
          int id = nextSite++;
          siteById.put(id, new SourceSite("io.hbtrace.samplefs.Model", m, "Model.java", id * 10));
          return id;
        });
  }

  public int string(String s) {
    for (Map.Entry<Integer, String> e : strings.entrySet()) {
      if (e.getValue().equals(s)) {
        return e.getKey();
      }
    }
    int id = strings.size() + 1;
    strings.put(id, s);
    return id;
  }

  /** Mount with 1 KiB blocks and 4 KiB pages, and name the inode lock of {@link #INO}. */
  public TraceBuilder mount(int parent) {
    raw(EventKind.MOUNT, parent, 1, blockSize, pageSize);
    return raw(EventKind.OBJECT_ROLE, parent, INODE_LOCK, string("inode_lock"), INO, 0);
  }

  public TraceBuilder start(int parent, int child) {
    return raw(EventKind.THREAD_START, parent, child);
  }

  public TraceBuilder join(int parent, int child) {
    return raw(EventKind.THREAD_JOIN, parent, child);
  }

  /**
   * The first half of an extending direct write, as sample-fs does it: inode lock, checks, orphan
   * add, pre-IO invalidation, allocation, device write, completion up to end_io. With {@code
   * sizeInEndIo} (the fix) end_io publishes i_size; then the post-IO invalidation of every page.
   */
  public TraceBuilder writeUntilPostIoInvalidation(
      int t, long pos, long len, long sizeBefore, boolean sizeInEndIo) {
    raw(EventKind.LOCK_ACQUIRE, t, INODE_LOCK, LockMode.EXCLUSIVE);
    rawAt(
        EventKind.DIO_WRITE_BEGIN,
        t,
        site("dioWriteBegin"),
        INO,
        pos,
        len,
        DioFlags.EXTENDING | DioFlags.FORCE_WAIT,
        sizeBefore);
    long add = ++txn;
    raw(EventKind.JOURNAL_START, t, add);
    rawAt(EventKind.ORPHAN_ADD, t, site("orphanAdd"), INO, 0, add);
    raw(EventKind.JOURNAL_COMMIT, t, add);
    for (long p = pos / pageSize; p <= (pos + len - 1) / pageSize; p++) {
      rawAt(
          EventKind.PAGE_INVALIDATE,
          t,
          site("preIoInvalidate"),
          INO,
          p,
          Invalidation.PHASE_PRE_IO,
          Invalidation.ABSENT);
    }
    long alloc = ++txn;
    raw(EventKind.JOURNAL_START, t, alloc);
    rawAt(
        EventKind.BLOCK_ALLOC,
        t,
        site("alloc"),
        INO,
        pos / blockSize,
        (len + blockSize - 1) / blockSize,
        0,
        alloc);
    raw(EventKind.JOURNAL_COMMIT, t, alloc);
    rawAt(EventKind.DISK_WRITE, t, site("diskWrite"), INO, pos, len);
    raw(EventKind.IO_COMPLETE, t, INO, pos, len);
    rawAt(EventKind.END_IO, t, site("endIo"), INO, pos, len, 0);
    if (sizeInEndIo) {
      rawAt(EventKind.SIZE_UPDATE, t, site("endIoSizeUpdate"), INO, sizeBefore, pos + len);
    }
    for (long p = pos / pageSize; p <= (pos + len - 1) / pageSize; p++) {
      postIoInvalidation(t, p, Invalidation.ABSENT);
    }
    return this;
  }

  public TraceBuilder postIoInvalidation(int t, long page, int outcome) {
    return rawAt(
        EventKind.PAGE_INVALIDATE,
        t,
        site("postIoInvalidate"),
        INO,
        page,
        Invalidation.PHASE_POST_IO,
        outcome);
  }

  /** A post-IO invalidation that finds the page cached: it takes the page lock and removes it. */
  public TraceBuilder postIoInvalidationOfCachedPage(int t, long page) {
    long pageLock = 1000 + page;
    raw(EventKind.LOCK_ACQUIRE, t, pageLock, LockMode.EXCLUSIVE);
    postIoInvalidation(t, page, Invalidation.REMOVED);
    return raw(EventKind.LOCK_RELEASE, t, pageLock, LockMode.EXCLUSIVE);
  }

  /**
   * Like {@link #writeUntilPostIoInvalidation} but stops after end_io: the caller then emits the
   * post-IO invalidation itself (e.g. of a page that is cached).
   */
  public TraceBuilder writeUntilEndIo(
      int t, long pos, long len, long sizeBefore, boolean sizeInEndIo) {
    int mark = events.size();
    writeUntilPostIoInvalidation(t, pos, len, sizeBefore, sizeInEndIo);
    while (events.size() > mark
        && events.get(events.size() - 1).kind() == EventKind.PAGE_INVALIDATE) {
      events.remove(events.size() - 1);
      seq--;
    }
    return this;
  }

  /**
   * The rest of the write: inode_dio_end, then in the caller the size (pre-fix) and orphan work.
   */
  public TraceBuilder writeFinish(int t, long pos, long len, long sizeBefore, boolean sizeInEndIo) {
    raw(EventKind.DIO_COMPLETE, t, INO, pos, len);
    long ext = ++txn;
    raw(EventKind.JOURNAL_START, t, ext);
    if (!sizeInEndIo) {
      rawAt(EventKind.SIZE_UPDATE, t, site("handleInodeExtension"), INO, sizeBefore, pos + len);
    }
    rawAt(EventKind.DISKSIZE_UPDATE, t, site("disksize"), INO, sizeBefore, pos + len, ext);
    rawAt(EventKind.ORPHAN_DEL, t, site("orphanDel"), INO, 1, ext);
    raw(EventKind.JOURNAL_COMMIT, t, ext);
    rawAt(EventKind.DIO_WRITE_END, t, site("dioWriteEnd"), INO, pos, len);
    return raw(EventKind.LOCK_RELEASE, t, INODE_LOCK, LockMode.EXCLUSIVE);
  }

  /** A whole extending direct write. */
  public TraceBuilder write(int t, long pos, long len, long sizeBefore, boolean sizeInEndIo) {
    writeUntilPostIoInvalidation(t, pos, len, sizeBefore, sizeInEndIo);
    return writeFinish(t, pos, len, sizeBefore, sizeInEndIo);
  }

  /**
   * The first half of a buffered read missing page {@code page}: insert locked (the page lock is
   * object {@code 1000 + page}, named as such), readpage's size sample and its block fills.
   */
  public TraceBuilder fillPage(int t, long page, long sampledSize) {
    fillPageUntilSample(t, page, sampledSize);
    return fillPageFinish(t, page, sampledSize);
  }

  /** {@link #fillPage} up to and including readpage's i_size sample. */
  public TraceBuilder fillPageUntilSample(int t, long page, long sampledSize) {
    long pageLock = 1000 + page;
    raw(EventKind.OBJECT_ROLE, t, pageLock, string("page_lock"), INO, page);
    raw(EventKind.PAGE_LOOKUP, t, INO, page, 0);
    rawAt(EventKind.PAGE_INSERT, t, site("pageInsert"), INO, page);
    raw(EventKind.LOCK_ACQUIRE, t, pageLock, LockMode.EXCLUSIVE);
    return rawAt(EventKind.SIZE_SAMPLE, t, site("readpageSample"), INO, page, sampledSize);
  }

  /** The rest of {@link #fillPage}: the block fills by the sampled size, uptodate, unlock. */
  public TraceBuilder fillPageFinish(int t, long page, long sampledSize) {
    for (int b = 0; b < pageSize / blockSize; b++) {
      long start = page * pageSize + (long) b * blockSize;
      int source = start >= sampledSize ? Fill.ZERO_PAST_EOF : Fill.DISK;
      rawAt(EventKind.BLOCK_FILL, t, site("blockFill"), INO, page, b, source);
    }
    raw(EventKind.PAGE_UPTODATE, t, INO, page);
    return raw(EventKind.LOCK_RELEASE, t, 1000 + page, LockMode.EXCLUSIVE);
  }

  /** The copy and verify of a read of [pos, pos+len) after the page is uptodate. */
  public TraceBuilder copyAndVerify(int t, long pos, long len, long size, long badOffset) {
    raw(EventKind.SIZE_CLAMP, t, INO, pos, size);
    raw(EventKind.COPY_OUT, t, INO, pos, len);
    return rawAt(
        EventKind.VERIFY, t, site("verify"), INO, pos, len, badOffset, 1, badOffset < 0 ? 1 : 0);
  }

  /** Starts a journal handle on thread {@code t}; returns its transaction id. */
  public long handle(int t) {
    long id = ++txn;
    raw(EventKind.JOURNAL_START, t, id);
    return id;
  }

  public TraceBuilder commit(int t, long id) {
    return raw(EventKind.JOURNAL_COMMIT, t, id);
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  @Override
  public String string(int id) {
    return strings.getOrDefault(id, "?");
  }

  @Override
  public SourceSite site(int id) {
    return siteById.getOrDefault(id, SourceSite.UNKNOWN);
  }

  @Override
  public String threadName(int tid) {
    return "child-" + (tid - 2);
  }
}
