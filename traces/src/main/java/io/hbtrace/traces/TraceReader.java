package io.hbtrace.traces;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventHandler;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Events;
import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Streams the events of a trace (a trace directory, or a packed file) in order-key order.
 *
 * <p>Batches of different threads reach the file out of seq order; the reader merges them: it
 * keeps, per thread, the batches read but not yet merged, and emits seq values one by one. Memory
 * is bounded by threads × batch capacity (the writer sweeps every buffer whenever one fills), not
 * by trace length; if a damaged trace would make it grow past {@link #boundBytes()}, the reader
 * skips the missing seqs with a warning instead. A trace without an END record (writer killed, or
 * still running) reads up to the tear; {@link #truncated()} then says so.
 *
 * <p>Everything read from the file is checked before use: CRC-32C per document, every length and
 * count against what is left, every id against the definitions read so far. Nothing in the file
 * names a Java type; nothing is deserialised.
 *
 * <p>Longer than most files here: the merge's state (the seq expected next, the bytes held, the
 * gaps and late events it reports) is changed by reading documents and by emitting events alike,
 * and is kept in one class so that its bound and its ordering read in one place.
 */
public final class TraceReader implements Closeable {
  private static final int MAX_WARNINGS = 50;
  private final Path path;
  private final DocumentSource source;
  private final StartRecord start;
  private final Symbols symbols = new Symbols();
  private final List<ThreadStream> streams = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final SeqHeap heap = new SeqHeap();
  private SkippedKinds skipping; // null: every event is returned
  private EventKind lastKind; // of the event returned last
  private int lastThread;

  private long expected;
  private long docIndex;
  private boolean exhausted;
  private boolean finished;
  private boolean closed;
  private EndRecord end;
  private long eventsRead;
  private long missingSeqs;
  private long gaps;
  private long lateEvents;
  private int warningsDropped;
  private long bufferedBytes;
  private long bufferedBytesHighWater;

  private TraceReader(Path path, DocumentSource source, StartRecord start) {
    this.path = path;
    this.source = source;
    this.start = start;
    streams.add(null);
  }

  /**
   * Opens a trace directory or a packed trace file and reads its START record.
   *
   * @throws TraceException with the problem and a one-line message: {@link Problem#NOT_FOUND},
   *     {@link Problem#EMPTY}, {@link Problem#NOT_A_TRACE}, {@link Problem#HALF_INITIALISED},
   *     {@link Problem#UNSUPPORTED_VERSION}, {@link Problem#CORRUPT} or {@link Problem#IO}
   */
  public static TraceReader open(Path path) throws TraceException {
    ChronicleHygiene.apply();
    DocumentSource src = TraceSources.open(path);
    try {
      byte[] doc = src.next();
      if (doc == null) {
        throw new TraceException(
            Problem.HALF_INITIALISED,
            path,
            "queue holds no record: the writer died before writing START");
      }
      if (!Records.looksLikeStart(doc)) {
        throw new TraceException(
            Problem.NOT_A_TRACE, path, "first record is not an hbtrace START record");
      }
      In in = new In(doc, 0, doc.length - Format.CRC_BYTES);
      int[] v;
      try {
        v = Records.version(in);
      } catch (In.Corrupt e) {
        throw new TraceException(Problem.CORRUPT, path, "START record: " + e.getMessage());
      }
      if (v[0] != Format.MAJOR) {
        throw new TraceException(
            Problem.UNSUPPORTED_VERSION,
            path,
            "format " + v[0] + "." + v[1] + "; this reader reads format " + Format.MAJOR + ".x");
      }
      checkCrc(path, doc, 0);
      StartRecord start;
      try {
        start = Records.start(in, v[0], v[1]);
      } catch (In.Corrupt e) {
        throw new TraceException(Problem.CORRUPT, path, "START record: " + e.getMessage());
      }
      TraceReader r = new TraceReader(path, src, start);
      r.docIndex = 1;
      return r;
    } catch (TraceException | RuntimeException | Error e) {
      src.close();
      throw e;
    }
  }

  /**
   * Whether the trace directory {@code dir} ends with its END record (its writer closed it), found
   * from the end of the queue without reading the trace; false for anything else (no such
   * directory, not a trace, cut short, a packed file).
   */
  public static boolean ended(Path dir) {
    return Files.isDirectory(dir) && ChronicleSource.endsWithEnd(dir);
  }

  /** Reads a whole trace into a list (tests and small tools only: memory grows with the trace). */
  public static List<Event> readAll(Path path) throws TraceException {
    try (TraceReader r = open(path)) {
      List<Event> all = new ArrayList<>();
      for (Event e = r.next(); e != null; e = r.next()) {
        all.add(e);
      }
      return all;
    }
  }

  public StartRecord start() {
    return start;
  }

  public Path path() {
    return path;
  }

  /**
   * The next event in order-key order, or {@code null} at the end of the trace or at the tear.
   *
   * @throws TraceException ({@link Problem#CORRUPT} or {@link Problem#UNSUPPORTED_VERSION}) on a
   *     damaged record; events before it were delivered
   * @throws IllegalStateException after {@link #close()}
   */
  public Event next() throws TraceException {
    if (closed) {
      throw new IllegalStateException("reader closed: " + path);
    }
    try {
      while (advance()) {
        ThreadStream s = heap.top();
        if (skipping != null && skipping.skips(s.headKind, s.tid)) {
          consumeHead(s);
          continue;
        }
        lastKind = s.headKind();
        lastThread = s.tid;
        Event e = Events.create(lastKind, s.headSeq, s.tid, s.headSite, s.f);
        consumeHead(s);
        return e;
      }
      return null;
    } catch (InternalError e) {
      // the JVM's report of a fault on a mapped page: a queue file cut short under Chronicle
      throw new TraceException(
          Problem.CORRUPT, path, "fault reading the mapped queue file (truncated?): " + e, e);
    }
  }

  /**
   * The kind of the event {@link #next} returned last: the same as its {@code kind()}, without a
   * call through the {@link Event} interface, whose implementations are many.
   */
  public EventKind lastKind() {
    return lastKind;
  }

  /** The thread of the event {@link #next} returned last (see {@link #lastKind}). */
  public int lastThread() {
    return lastThread;
  }

  /**
   * From now on reads past the events of {@code kinds} without making them into objects: {@link
   * #next} does not return them, and {@link #skipped} and {@link #skippedThreads} count them. For a
   * consumer with no use for some kinds; each event is still checked and merged as before. Call it
   * before the first {@link #next} on the thread that will read (or before starting that thread).
   */
  public void skip(Set<EventKind> kinds) {
    skipping = kinds.isEmpty() ? null : new SkippedKinds(kinds);
  }

  /** Events of {@code kind} read past so far (see {@link #skip}). */
  public long skipped(EventKind kind) {
    return skipping == null ? 0 : skipping.count(kind);
  }

  /** The threads of the events read past so far (see {@link #skip}), as a copy. */
  public BitSet skippedThreads() {
    return skipping == null ? new BitSet() : skipping.threads();
  }

  /** Passes the next event to {@code handler}; {@code false} at the end (or at the tear). */
  public boolean next(EventHandler handler) throws TraceException {
    Event e = next();
    if (e == null) {
      return false;
    }
    e.accept(handler);
    return true;
  }

  /** After {@link #next()} returned {@code null}: whether the trace lacks its END record. */
  public boolean truncated() {
    return end == null;
  }

  public Optional<EndRecord> end() {
    return Optional.ofNullable(end);
  }

  /** What the reader noticed but could read past: missing events, no END record, mismatches. */
  public List<String> warnings() {
    List<String> w = new ArrayList<>(warnings);
    if (warningsDropped > 0) {
      w.add(warningsDropped + " more warnings not shown");
    }
    return Collections.unmodifiableList(w);
  }

  /** The string with this id ({@code ""} for 0), or {@code null} if the trace defines none. */
  public String string(int id) {
    return symbols.string(id);
  }

  /** The site with this id, or {@code null} for 0 and ids the trace does not define. */
  public Site site(int id) {
    return symbols.site(id);
  }

  /** The trace thread with this id, or {@code null} if the trace does not define it. */
  public ThreadInfo thread(int tid) {
    return symbols.thread(tid);
  }

  /** Trace threads defined so far (all of them once the trace has been read). */
  public List<ThreadInfo> threads() {
    return symbols.threads();
  }

  public long eventsRead() {
    return eventsRead;
  }

  /** Sequence numbers missing from the trace (lost events), as found so far. */
  public long missingEvents() {
    return missingSeqs;
  }

  /** Releases the queue (or file); idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      source.close();
    }
  }

  // ------------------------------------------------------------------ package-private for tests

  /** The most bytes of batches ever held at once, waiting to be merged. */
  long bufferedBytesHighWater() {
    return bufferedBytesHighWater;
  }

  /** Buffered bytes beyond which the reader skips missing seqs rather than read further ahead. */
  /** Tests shrink the bound to exercise the skip; -1 keeps the computed one. */
  long boundOverride = -1;

  long boundBytes() {
    if (boundOverride >= 0) {
      return boundOverride;
    }
    long perThread = 8L * Math.max(start.batchBytes(), WriterOptions.MIN_BATCH_BYTES);
    // the floor covers a thread descheduled between taking its seq and committing the event
    // while others write at full speed (~300 MB/s): 64 MiB is about 200 ms of that
    return Math.max(64L << 20, perThread * Math.max(1, symbols.threadCount()));
  }

  // ------------------------------------------------------------------ merge

  /** Makes the heap top the event with seq {@code expected}; false at the end. */
  private boolean advance() throws TraceException {
    while (true) {
      if (heap.size() > 0) {
        long min = heap.top().headSeq;
        if (min == expected) {
          return true;
        }
        if (min < expected) { // after a forced skip: this event arrived too late to be ordered
          lateEvents++;
          warn("event seq " + min + " of thread " + heap.top().tid + " arrived late; dropped");
          dropHead(heap.top());
          continue;
        }
        if (!exhausted && bufferedBytes > boundBytes()) {
          skipTo(min, "reader memory bound reached");
          continue;
        }
      }
      if (!exhausted) {
        readDocument();
        continue;
      }
      if (heap.size() == 0) {
        finish();
        return false;
      }
      skipTo(heap.top().headSeq, end == null ? "lost at the tear" : "lost");
    }
  }

  private void skipTo(long seq, String why) {
    long n = seq - expected;
    missingSeqs += n;
    gaps++;
    warn("events with seq [" + expected + ", " + seq + ") missing (" + n + ", " + why + ")");
    expected = seq;
  }

  private void consumeHead(ThreadStream s) throws TraceException {
    expected = s.headSeq + 1;
    eventsRead++;
    s.eventsRead++;
    loadHead(s);
    // Events come in runs of one thread: a top whose next event is the next seq stays on top, as
    // every other head is past the seq just consumed (in a well-formed trace seqs are unique; a
    // forged duplicate is still dropped as late, once the run ends): only its key in the heap
    // moves.
    if (!s.hasHead || s.headSeq != expected) {
      restore(s);
    } else {
      heap.topGrew(s);
    }
  }

  /** Moves {@code s} to its next event and restores the heap. */
  private void dropHead(ThreadStream s) throws TraceException {
    loadHead(s);
    restore(s);
  }

  private void restore(ThreadStream s) {
    if (s.hasHead) {
      heap.headGrew(s);
    } else {
      heap.remove(s);
    }
  }

  private void loadHead(ThreadStream s) throws TraceException {
    try {
      bufferedBytes -= s.loadHead();
    } catch (ThreadStream.UnknownKind e) {
      throw unknownKind(e.code, s.tid);
    } catch (In.Corrupt e) {
      throw corrupt("batch of thread " + s.tid + ": " + e.getMessage());
    }
  }

  private TraceException unknownKind(int code, int tid) {
    if (start.formatMinor() > Format.MINOR) {
      return new TraceException(
          Problem.UNSUPPORTED_VERSION,
          path,
          "event kind "
              + code
              + " of format "
              + start.formatVersion()
              + " is unknown to this reader (format "
              + Format.MAJOR
              + "."
              + Format.MINOR
              + ")");
    }
    return corrupt("batch of thread " + tid + ": unknown event kind " + code);
  }

  private TraceException corrupt(String detail) {
    return new TraceException(Problem.CORRUPT, path, "document " + docIndex + ": " + detail);
  }

  // ------------------------------------------------------------------ documents

  private void readDocument() throws TraceException {
    byte[] doc = source.next();
    if (doc == null) {
      exhausted = true;
      return;
    }
    docIndex++;
    checkCrc(path, doc, docIndex);
    int type = doc[0] & 0xFF;
    In in = new In(doc, 1, doc.length - Format.CRC_BYTES);
    try {
      if (end != null) {
        warn("record " + Format.recordName(type) + " after END ignored");
        return;
      }
      switch (type) {
        case Format.BATCH -> batch(doc, in);
        case Format.STRING -> symbols.defineString(in);
        case Format.SITE -> symbols.defineSite(in);
        case Format.THREAD -> streams.add(new ThreadStream(symbols.defineThread(in)));
        case Format.END -> end = Records.end(in);
        case Format.START -> throw new In.Corrupt("second START record");
        default -> {
          if (start.formatMinor() <= Format.MINOR) {
            throw new In.Corrupt("unknown record type " + type);
          }
          // a newer minor version's record: documents are self-delimiting, so skip it
        }
      }
    } catch (In.Corrupt e) {
      throw corrupt(Format.recordName(type) + ": " + e.getMessage());
    }
  }

  private void batch(byte[] doc, In in) throws TraceException {
    int tid = in.uint("batch thread id", symbols.threadCount());
    if (tid == 0) {
      throw new In.Corrupt("batch of thread 0");
    }
    ThreadStream s = streams.get(tid);
    long batchNo = in.uvarint();
    if (batchNo != s.nextBatchNo) {
      throw new In.Corrupt(
          "thread " + tid + ": batch " + batchNo + " where batch " + s.nextBatchNo + " was due");
    }
    s.nextBatchNo++;
    int events = in.uint("batch event count", in.remaining() / 3);
    if (events == 0) {
      throw new In.Corrupt("empty batch");
    }
    s.pending.add(new ThreadStream.Batch(doc, in.p, in.end, events));
    bufferedBytes += doc.length;
    if (bufferedBytes > bufferedBytesHighWater) {
      bufferedBytesHighWater = bufferedBytes;
    }
    if (!s.hasHead) {
      loadHead(s);
      if (s.hasHead) {
        heap.add(s);
      }
    }
  }

  static void checkCrc(Path path, byte[] doc, long index) throws TraceException {
    if (doc.length < 1 + Format.CRC_BYTES) {
      throw new TraceException(
          Problem.CORRUPT, path, "document " + index + ": " + doc.length + " bytes is too short");
    }
    int n = doc.length - Format.CRC_BYTES;
    if (Format.crc(doc, 0, n) != Format.getIntLe(doc, n)) {
      throw new TraceException(
          Problem.CORRUPT,
          path,
          "document " + index + " (" + Format.recordName(doc[0] & 0xFF) + "): checksum mismatch");
    }
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    if (lateEvents > 0) {
      warn(lateEvents + " events arrived too late to be merged in order and were dropped");
    }
    if (missingSeqs > 0) {
      warn(missingSeqs + " events missing in " + gaps + " gaps");
    }
    if (end == null) {
      warn(
          "no END record: the writer did not close the trace (killed, or still running);"
              + " read up to the last complete record");
      return;
    }
    if (end.eventsDropped() > 0) {
      warn("the writer dropped " + end.eventsDropped() + " events (recorded after close or lost)");
    }
    for (EndRecord.ThreadCount c : end.threads()) {
      long read =
          c.thread() > 0 && c.thread() < streams.size() ? streams.get(c.thread()).eventsRead : 0;
      if (read != c.events()) {
        warn("thread " + c.thread() + ": END counts " + c.events() + " events, read " + read);
      }
    }
  }

  private void warn(String w) {
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(w);
    } else {
      warningsDropped++;
    }
  }
}
