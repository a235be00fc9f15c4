package io.hbtrace.traces;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The queue side of a {@link TraceWriter}: the registry of thread buffers, the sweep that copies
 * each buffer's committed bytes into one BATCH document, and the counters END reports. Every method
 * but {@link #define}, {@link #registered}, {@link #spareArray} and {@link #enroll} runs under the
 * writer lock (the caller holds it); only the owner-published commit word of each buffer is read
 * across threads (acquire), see {@link ThreadBuffer}.
 *
 * <p>A new thread finds its buffer without the writer lock when a reaped array is spare: the
 * registry (the buffers by thread, the spare arrays and the buffers enrolled since the last sweep)
 * has a lock of its own, which the writer lock may be held around, never the reverse. A sweep
 * adopts the enrolled buffers before it reads the commit words, and every method that looks at all
 * the buffers adopts them first.
 *
 * <p>After a failed queue write, or when the file system is nearly full ({@link DiskRoom}), the
 * flusher is {@link #failed()}: it writes nothing more and counts what it would have written as
 * discarded, so the recorded program never sees an error; the trace then reads up to there.
 */
final class BatchFlusher {
  /** Reaped buffer arrays kept for new threads (up to the batch capacity each). */
  private static final int MAX_SPARE = 64;

  /**
   * Buffers {@link #recycle} looks at for a dead thread's, per new thread: with 100,000 threads
   * alive, looking at every one would make starting them quadratic.
   */
  private static final int RECYCLE_LOOKS = 16;

  private final ChronicleSink sink;
  private final DiskRoom room;
  private final List<ThreadBuffer> buffers = new ArrayList<>();

  /** Guards {@link #byThread}, {@link #spare} and {@link #enrolled}. */
  private final Object registry = new Object();

  /** The registered buffers by their live threads (to find one again, see {@link #registered}). */
  private final Map<Thread, ThreadBuffer> byThread = new WeakHashMap<>();

  /** Reaped arrays, all flushed. */
  private final ArrayDeque<byte[]> spare = new ArrayDeque<>();

  /** Buffers of new threads made since the last sweep adopted them, without the writer lock. */
  private final List<ThreadBuffer> enrolled = new ArrayList<>();

  private final RetiredThreads retired = new RetiredThreads();
  private final byte[] header = new byte[1 + 3 * 10];

  /** Where {@link #recycle} looks next (it goes round the buffers, downwards). */
  private int recycleCursor;

  /**
   * Documents made on a recording thread (definitions, a dead thread's last batch), written at the
   * next sweep ahead of its batches: a recording thread does not call into Chronicle for them, so
   * the JIT compiles Chronicle's append path for the sweep, not into those callers too.
   */
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();

  private record Pending(byte[] doc, long events) {}

  /**
   * Definitions (strings, sites, threads), queued by any thread without the writer lock, in the
   * order of their ids; written by a sweep after it has read the buffers' commit words.
   */
  private final ConcurrentLinkedQueue<byte[]> definitions = new ConcurrentLinkedQueue<>();

  /** The commit words a sweep read, one per buffer, before it wrote the definitions. */
  private long[] words = new long[16];

  private long eventsWritten;
  private long discarded;
  private long batches;
  private long bytes;
  private boolean failed;
  private boolean outOfRoom;

  BatchFlusher(ChronicleSink sink, DiskRoom room) {
    this.sink = sink;
    this.room = room;
  }

  /**
   * Registers {@code b}, the buffer of {@code owner}, without the writer lock (any thread): the
   * next sweep adopts it.
   */
  void enroll(ThreadBuffer b, Thread owner) {
    synchronized (registry) {
      enrolled.add(b);
      byThread.put(owner, b);
    }
  }

  /**
   * The buffer registered for {@code t}, or null (any thread): a thread whose thread-local values
   * were cleared (a pool that resets them between tasks, as the common {@code ForkJoinPool} does on
   * newer JDKs) must go on with its own buffer, whose batch numbers and keys its earlier batches
   * began.
   */
  ThreadBuffer registered(Thread t) {
    synchronized (registry) {
      return byThread.get(t);
    }
  }

  /** A reaped array for a new thread's buffer, or null if none is spare (any thread). */
  byte[] spareArray() {
    synchronized (registry) {
      return spare.poll();
    }
  }

  /** Moves the enrolled buffers into the swept ones. */
  private void adopt() {
    synchronized (registry) {
      buffers.addAll(enrolled);
      enrolled.clear();
    }
  }

  boolean failed() {
    return failed;
  }

  /** True if writing stopped because the file system was nearly full (see {@link DiskRoom}). */
  boolean outOfRoom() {
    return outOfRoom;
  }

  /** Whether {@code bytes} more fit on the file system; if not, nothing more is written. */
  private boolean hasRoom(long bytes) {
    if (room.fits(bytes)) {
      return true;
    }
    failed = true;
    outOfRoom = true;
    return false;
  }

  /** Bytes of the registered buffers' arrays. */
  long bufferBytes() {
    adopt();
    long sum = 0;
    for (ThreadBuffer b : buffers) {
      sum += b.buf.length;
    }
    return sum;
  }

  long eventsWritten() {
    return eventsWritten;
  }

  /**
   * Writes every buffer's committed, unflushed events. It reads the commit words first and writes
   * the definitions queued by then: an event committed by then uses only ids whose definitions were
   * queued before it, so every batch it writes finds its definitions ahead of it.
   */
  void sweep() {
    adopt();
    int n = buffers.size();
    if (words.length < n) {
      words = new long[Math.max(n, 2 * words.length)];
    }
    for (int i = 0; i < n; i++) {
      words[i] = buffers.get(i).committedWord();
    }
    writePending();
    if (failed) {
      return;
    }
    for (int i = 0; i < n; i++) {
      flush(buffers.get(i), words[i], false);
    }
  }

  /**
   * Makes {@code b}'s events committed up to {@code word} and not yet flushed one batch and writes
   * it, or with {@code defer} queues it for the next sweep.
   */
  private void flush(ThreadBuffer b, long word, boolean defer) {
    int off = (int) (word & ThreadBuffer.OFFSET_MASK);
    long count = word >>> Format.OFFSET_BITS;
    long events = count - b.flushedCount;
    if (events <= 0) {
      return;
    }
    int hn = 0;
    header[hn++] = (byte) Format.BATCH;
    hn = Format.putUvarint(header, hn, b.tid);
    hn = Format.putUvarint(header, hn, b.batchNo);
    hn = Format.putUvarint(header, hn, events);
    int len = off - b.flushedOff;
    b.flushedOff = off;
    b.flushedCount = count;
    if (failed) {
      discarded += events;
      return;
    }
    if (defer) {
      byte[] doc = Arrays.copyOf(header, hn + len + Format.CRC_BYTES);
      System.arraycopy(b.buf, off - len, doc, hn, len);
      Format.putIntLe(doc, hn + len, Format.crc(doc, 0, hn + len));
      pending.add(new Pending(doc, events));
      b.batchNo++;
      return;
    }
    if (!hasRoom(hn + len + Format.CRC_BYTES)) {
      discarded += events;
      return;
    }
    try {
      sink.writeBatch(header, hn, b.buf, off - len, len);
    } catch (Throwable t) {
      failed = true;
      discarded += events;
      return;
    }
    b.batchNo++;
    eventsWritten += events;
    batches++;
    bytes += hn + len + Format.CRC_BYTES;
  }

  /**
   * Lets the owner reuse its buffer from offset 0 (after a sweep, or when nothing may be written
   * any more: what was not flushed then is discarded).
   */
  void reset(ThreadBuffer b) {
    long unflushed = (b.committedWord() >>> Format.OFFSET_BITS) - b.flushedCount;
    if (unflushed > 0) {
      discarded += unflushed;
      b.flushedCount += unflushed;
    }
    b.pos = 0;
    b.flushedOff = 0;
    ThreadBuffer.COMMITTED.setRelease(b, b.count << Format.OFFSET_BITS);
  }

  /** Queues a finished definition (any thread): it reaches the queue at the next sweep. */
  void define(byte[] doc) {
    definitions.add(doc);
  }

  /**
   * Writes the queued definitions, then the queued batches, in order (counting a batch's events as
   * written or discarded). A queued batch's events were committed before it was queued, so their
   * definitions are among those written first.
   */
  private void writePending() {
    for (byte[] d; (d = definitions.poll()) != null; ) {
      written(d);
    }
    for (Pending p; (p = pending.poll()) != null; ) {
      if (!written(p.doc)) {
        discarded += p.events;
      } else if (p.events > 0) {
        eventsWritten += p.events;
        batches++;
      }
    }
  }

  /** Appends a finished document unless a write already failed; false if it is not written. */
  private boolean written(byte[] doc) {
    if (failed || !hasRoom(doc.length)) {
      return false;
    }
    try {
      sink.write(doc);
    } catch (Throwable t) {
      failed = true;
      return false;
    }
    bytes += doc.length;
    return true;
  }

  /**
   * Forgets buffers of dead threads once everything they committed is in the queue, keeping up to
   * {@link #MAX_SPARE} of their arrays for new threads ({@link #spareArray}, {@link #recycle}).
   */
  void reap() {
    adopt();
    for (int i = buffers.size() - 1; i >= 0; i--) {
      ThreadBuffer b = buffers.get(i);
      if (b.threadDead() && allFlushed(b)) {
        retire(i, b);
        synchronized (registry) {
          if (spare.size() < MAX_SPARE) {
            spare.push(b.buf);
          }
        }
      }
    }
  }

  /**
   * A byte array for a new thread's buffer, taken from threads that have ended: one {@link #reap}
   * kept (asked again here: a thread that found none without the lock has often waited for a sweep
   * that reaped some), else that of a registered buffer whose thread has ended (among the next
   * {@link #RECYCLE_LOOKS}), after copying its unflushed events (if any) into one batch document
   * queued for the next sweep (a few kilobytes). That buffer is retired. Null if none was found. A
   * program that starts many short threads then holds about as many arrays as it has threads alive,
   * not one per thread that ended since the flusher's last reap (which every young GC would copy).
   * The dead thread's writes are visible here: it was seen terminated ({@code isAlive}).
   */
  byte[] recycle() {
    byte[] kept = spareArray();
    if (kept != null) {
      return kept;
    }
    adopt();
    for (int looks = Math.min(RECYCLE_LOOKS, buffers.size()); looks > 0; looks--) {
      if (--recycleCursor < 0 || recycleCursor >= buffers.size()) {
        recycleCursor = buffers.size() - 1;
      }
      ThreadBuffer b = buffers.get(recycleCursor);
      if (b.threadDead()) {
        flush(b, b.committedWord(), true);
        retire(recycleCursor, b);
        return b.buf;
      }
    }
    return null;
  }

  /** True if everything {@code b}'s thread committed is in the queue. */
  private static boolean allFlushed(ThreadBuffer b) {
    return (b.committedWord() >>> Format.OFFSET_BITS) == b.flushedCount;
  }

  /**
   * Forgets {@code b}, the buffer at {@code i}: the last buffer takes its place (the order of
   * buffers is not the order of anything; removing from the middle would make retiring each of many
   * threads cost as much as all of them).
   */
  private void retire(int i, ThreadBuffer b) {
    retired.add(b.tid, b.flushedCount, b.batchNo, b.dropped);
    int last = buffers.size() - 1;
    buffers.set(i, buffers.get(last));
    buffers.remove(last);
    Thread t = b.thread.get();
    if (t != null) {
      synchronized (registry) {
        byThread.remove(t);
      }
    }
  }

  /** Counters for {@link TraceWriter#stats()}; {@code droppedElsewhere} from the writer. */
  WriterStats stats(long droppedElsewhere) {
    adopt();
    long recorded = retired.events();
    long dropped = droppedElsewhere + discarded + retired.dropped();
    for (ThreadBuffer b : buffers) {
      recorded += b.committedWord() >>> Format.OFFSET_BITS;
      dropped += b.dropped;
    }
    return new WriterStats(recorded, eventsWritten, dropped, batches, bytes);
  }

  /** The END record, given the seqs taken and the events dropped before reaching a buffer. */
  byte[] endDocument(long seqsTaken, long droppedElsewhere) {
    adopt();
    Map<Integer, long[]> perThread = new TreeMap<>();
    retired.copyInto(perThread);
    long dropped = droppedElsewhere + discarded + retired.dropped();
    for (ThreadBuffer b : buffers) {
      perThread.put(b.tid, new long[] {b.flushedCount, b.batchNo});
      dropped += b.dropped;
    }
    dropped += seqsTaken - eventsWritten - discarded; // took a seq, never committed in time
    return Records.endDocument(seqsTaken, eventsWritten, Math.max(0, dropped), perThread);
  }

  /** Writes END (unless failed) and closes the queue. */
  void finish(byte[] end) {
    writePending();
    try {
      if (!failed && hasRoom(end.length)) {
        sink.write(end);
      }
    } catch (Throwable t) {
      failed = true;
    } finally {
      sink.close();
    }
  }
}
