package io.hbtrace.traces;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records events into a trace directory (a Chronicle queue) at a cost of tens of nanoseconds per
 * event.
 *
 * <p><b>Hot path.</b> {@link #record} encodes the event into the calling thread's own buffer (found
 * through a {@link ThreadLocal}) and publishes it with one release store: no lock, no allocation
 * after the thread's first event, never throws. Each event takes its order key from one global
 * counter; the caller records release-type events before the operation and acquire-type events
 * after it, which makes the key consistent with happens-before ({@code FORMAT.md}, "Ordering").
 *
 * <p><b>Flushing.</b> Buffers go to the queue as one BATCH document per thread and flush, always
 * under one writer lock: when a thread's buffer is full it sweeps <em>every</em> buffer (bounding
 * how far one thread's events can lag behind another's in the file, hence the reader's memory); a
 * daemon thread {@code hbtrace-flusher} sweeps every {@link WriterOptions#flushIntervalMillis()}
 * (idle threads, live reading, kill -9) and forgets dead threads' buffers once flushed; {@link
 * #close()} sweeps a last time and writes the END record.
 *
 * <p><b>Metadata</b> ({@link #string}, {@link #site}, {@link #threadId}) is slow-path, thread-safe
 * and idempotent; each definition is written to the queue before the call returns, so before any
 * batch holding an event that uses the id.
 */
public final class TraceWriter implements AutoCloseable {
  private final Path dir;
  private final WriterOptions options;
  private final Object lock = new Object();
  private final AtomicLong seq = new AtomicLong();
  private final LongAdder droppedClosed = new LongAdder();
  private final ThreadLocal<ThreadBuffer> local = ThreadLocal.withInitial(this::newBuffer);
  private volatile boolean closed;

  // guarded by lock
  private final ChronicleSink sink;
  private final List<ThreadBuffer> buffers = new ArrayList<>();
  private final Map<Integer, long[]> retired = new TreeMap<>(); // tid -> {events, batches}
  private final Map<String, Integer> strings = new HashMap<>();
  private final Map<Site, Integer> sites = new HashMap<>();
  private final WeakHashMap<Thread, Integer> tids = new WeakHashMap<>();
  private final byte[] header = new byte[1 + 3 * 10];
  private int nextTid = 1;
  private long eventsWritten;
  private long discarded;
  private long batches;
  private long bytes;
  private boolean failed;
  private boolean queueClosed;
  private Thread flusher;
  private Thread hook;

  private TraceWriter(Path dir, WriterOptions options, ChronicleSink sink) {
    this.dir = dir;
    this.options = options;
    this.sink = sink;
  }

  /** A writer with {@link WriterOptions#defaults()}; {@code dir} must be absent or empty. */
  public static TraceWriter create(Path dir, TraceStart start) throws TraceException {
    return create(dir, start, WriterOptions.defaults());
  }

  /**
   * Creates the trace directory's queue, writes the START record and starts the flusher thread.
   *
   * @throws TraceException ({@link Problem#IO}) if {@code dir} is a non-empty directory or a file,
   *     cannot be created, or Chronicle cannot start (e.g. missing JVM flags)
   */
  public static TraceWriter create(Path dir, TraceStart start, WriterOptions options)
      throws TraceException {
    ChronicleHygiene.apply();
    try {
      if (Files.exists(dir)) {
        if (!Files.isDirectory(dir)) {
          throw new TraceException(Problem.IO, dir, "exists and is not a directory");
        }
        try (var entries = Files.list(dir)) {
          if (entries.findAny().isPresent()) {
            throw new TraceException(Problem.IO, dir, "trace directory exists and is not empty");
          }
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new TraceException(Problem.IO, dir, "cannot create trace directory: " + e, e);
    }
    ChronicleSink sink;
    try {
      sink = new ChronicleSink(dir, options.blockSize());
    } catch (Throwable t) { // Chronicle reports missing module flags as assorted errors
      throw new TraceException(
          Problem.IO,
          dir,
          "Chronicle Queue could not start ("
              + t
              + "); the JVM needs "
              + ChronicleHygiene.JVM_FLAGS,
          t);
    }
    TraceWriter w = new TraceWriter(dir, options, sink);
    try {
      synchronized (w.lock) {
        w.sink.write(w.startDocument(start));
      }
    } catch (Throwable t) {
      sink.close();
      throw new TraceException(Problem.IO, dir, "cannot write START record: " + t, t);
    }
    if (options.flushIntervalMillis() > 0) {
      w.startFlusher();
    }
    return w;
  }

  /** The trace directory. */
  public Path directory() {
    return dir;
  }

  public WriterOptions options() {
    return options;
  }

  // ---------------------------------------------------------------- metadata (slow path)

  /** The interned id ({@code >= 1}) of {@code s}; writes a STRING record the first time. */
  public int string(String s) {
    String v = s == null ? "" : s;
    synchronized (lock) {
      Integer id = strings.get(v);
      if (id != null) {
        return id;
      }
      int next = strings.size() + 1;
      strings.put(v, next);
      writeMetaLocked(new DocBuilder(Format.STRING).uvarint(next).string(v).finish());
      return next;
    }
  }

  /** The site id ({@code >= 1}) of a source location; writes a SITE record the first time. */
  public int site(String className, String method, String sourceFile, int line) {
    Site key = new Site(nz(className), nz(method), nz(sourceFile), Math.max(-1, line));
    synchronized (lock) {
      Integer id = sites.get(key);
      if (id != null) {
        return id;
      }
      int c = string(key.className());
      int m = string(key.method());
      int f = string(key.sourceFile());
      int next = sites.size() + 1;
      sites.put(key, next);
      writeMetaLocked(
          new DocBuilder(Format.SITE)
              .uvarint(next)
              .uvarint(c)
              .uvarint(m)
              .uvarint(f)
              .svarint(key.line())
              .finish());
      return next;
    }
  }

  /**
   * The stable trace thread id ({@code >= 1}) of {@code t}, held weakly; writes a THREAD record
   * (id, Java thread id, current name) the first time. Works for threads not yet started, so a
   * parent can record {@code THREAD_START} with the child's id.
   */
  @SuppressWarnings("deprecation") // Thread.getId: threadId() is Java 19+
  public int threadId(Thread t) {
    synchronized (lock) {
      Integer id = tids.get(t);
      if (id != null) {
        return id;
      }
      int tid = nextTid++;
      tids.put(t, tid);
      writeMetaLocked(
          new DocBuilder(Format.THREAD)
              .uvarint(tid)
              .svarint(t.getId())
              .string(t.getName())
              .finish());
      return tid;
    }
  }

  /** The trace thread id of the calling thread. */
  public int currentThreadId() {
    return local.get().tid;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  // ---------------------------------------------------------------- hot path

  /**
   * Records one event of kind {@code kindCode} (see {@link io.hbtrace.traces.event.EventKind}) from
   * the calling thread; fields beyond the kind's arity are ignored, int fields are passed widened.
   * Never throws and does not allocate after the thread's first event; an unknown kind, or any call
   * after {@link #close()}, is counted as dropped.
   */
  public void record(int kindCode, int site, long f0, long f1, long f2, long f3, long f4, long f5) {
    if (closed) {
      droppedClosed.increment();
      return;
    }
    try {
      ThreadBuffer b = local.get();
      int arity = (kindCode & ~0xFF) == 0 ? Format.ARITY[kindCode] : -1;
      if (arity < 0) {
        b.dropped++;
        return;
      }
      int p = b.pos;
      if (p > b.limit) {
        p = makeRoom(b);
        if (p < 0) {
          b.dropped++;
          return;
        }
      }
      long s = seq.getAndIncrement();
      byte[] a = b.buf;
      a[p++] = (byte) kindCode;
      p = Format.putUvarint(a, p, s - b.prevSeq - 1);
      p = Format.putUvarint(a, p, site & 0xFFFF_FFFFL);
      switch (arity) {
        case 6:
          p = Format.putSvarint(a, p, f0);
          p = Format.putSvarint(a, p, f1);
          p = Format.putSvarint(a, p, f2);
          p = Format.putSvarint(a, p, f3);
          p = Format.putSvarint(a, p, f4);
          p = Format.putSvarint(a, p, f5);
          break;
        case 5:
          p = Format.putSvarint(a, p, f0);
          p = Format.putSvarint(a, p, f1);
          p = Format.putSvarint(a, p, f2);
          p = Format.putSvarint(a, p, f3);
          p = Format.putSvarint(a, p, f4);
          break;
        case 4:
          p = Format.putSvarint(a, p, f0);
          p = Format.putSvarint(a, p, f1);
          p = Format.putSvarint(a, p, f2);
          p = Format.putSvarint(a, p, f3);
          break;
        case 3:
          p = Format.putSvarint(a, p, f0);
          p = Format.putSvarint(a, p, f1);
          p = Format.putSvarint(a, p, f2);
          break;
        case 2:
          p = Format.putSvarint(a, p, f0);
          p = Format.putSvarint(a, p, f1);
          break;
        case 1:
          p = Format.putSvarint(a, p, f0);
          break;
        default:
          break;
      }
      long c = b.count + 1;
      b.prevSeq = s;
      b.count = c;
      b.pos = p;
      ThreadBuffer.COMMITTED.setRelease(b, (c << Format.OFFSET_BITS) | p);
    } catch (Throwable t) {
      droppedClosed.increment(); // never fail the recorded program
    }
  }

  /** Buffer full: sweep every buffer under the lock, then reuse this one from offset 0. */
  private int makeRoom(ThreadBuffer b) {
    if (Thread.holdsLock(lock)) {
      return -1; // recorded from inside a flush (instrumented Chronicle internals): drop
    }
    synchronized (lock) {
      if (!closed && !failed) {
        sweepLocked();
      }
      long word = b.committedWord();
      long unflushed = (word >>> Format.OFFSET_BITS) - b.flushedCount;
      if (unflushed > 0) { // closed or failed: these never reach the queue
        discarded += unflushed;
        b.flushedCount += unflushed;
      }
      b.pos = 0;
      b.flushedOff = 0;
      ThreadBuffer.COMMITTED.setRelease(b, b.count << Format.OFFSET_BITS);
      return closed || failed ? -1 : 0;
    }
  }

  private ThreadBuffer newBuffer() {
    Thread t = Thread.currentThread();
    int tid = threadId(t);
    ThreadBuffer b = new ThreadBuffer(tid, t, options.batchBytes());
    synchronized (lock) {
      buffers.add(b);
    }
    return b;
  }

  // ---------------------------------------------------------------- flushing (under lock)

  /** Writes every thread's committed events into the queue. */
  public void flush() {
    synchronized (lock) {
      if (!closed && !failed) {
        sweepLocked();
      }
    }
  }

  private void sweepLocked() {
    for (int i = 0, n = buffers.size(); i < n; i++) {
      flushLocked(buffers.get(i));
    }
  }

  private void flushLocked(ThreadBuffer b) {
    long word = b.committedWord();
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
    try {
      sink.writeBatch(header, hn, b.buf, b.flushedOff, len);
    } catch (Throwable t) {
      failed = true;
      discarded += events;
      b.flushedOff = off;
      b.flushedCount = count;
      return;
    }
    b.flushedOff = off;
    b.flushedCount = count;
    b.batchNo++;
    eventsWritten += events;
    batches++;
    bytes += hn + len + Format.CRC_BYTES;
  }

  private void writeMetaLocked(byte[] doc) {
    if (closed || failed) {
      return;
    }
    try {
      sink.write(doc);
      bytes += doc.length;
    } catch (Throwable t) {
      failed = true;
    }
  }

  /** Forgets buffers of dead threads once everything they committed is in the queue. */
  private void reapLocked() {
    for (int i = buffers.size() - 1; i >= 0; i--) {
      ThreadBuffer b = buffers.get(i);
      if (b.threadDead() && (b.committedWord() >>> Format.OFFSET_BITS) == b.flushedCount) {
        retired.put(b.tid, new long[] {b.flushedCount, b.batchNo});
        buffers.remove(i);
      }
    }
  }

  private void startFlusher() {
    Thread t = new Thread(this::flushLoop, "hbtrace-flusher");
    t.setDaemon(true);
    flusher = t;
    t.start();
  }

  private void flushLoop() {
    long interval = options.flushIntervalMillis();
    while (!closed) {
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        return; // close() stops us
      }
      synchronized (lock) {
        if (closed) {
          return;
        }
        if (!failed) {
          sweepLocked();
        }
        reapLocked();
      }
    }
  }

  // ---------------------------------------------------------------- stats, close

  /** Counters; see {@link WriterStats}. */
  public WriterStats stats() {
    synchronized (lock) {
      long recorded = 0;
      long dropped = droppedClosed.sum() + discarded;
      for (ThreadBuffer b : buffers) {
        recorded += b.committedWord() >>> Format.OFFSET_BITS;
        dropped += b.dropped;
      }
      for (long[] r : retired.values()) {
        recorded += r[0];
      }
      return new WriterStats(recorded, eventsWritten, dropped, batches, bytes);
    }
  }

  /**
   * Flushes every buffer, writes the END record and closes the queue. Idempotent. Threads still
   * recording (daemon threads at exit) get up to {@link WriterOptions#closeWaitMillis()} to commit
   * events that already took a sequence number; afterwards {@link #record} is a counted no-op.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    Thread f = flusher;
    if (f != null && f != Thread.currentThread()) {
      f.interrupt();
      try {
        f.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (lock) {
      long deadline = System.nanoTime() + options.closeWaitMillis() * 1_000_000L;
      while (!failed) {
        sweepLocked();
        if (seq.get() == eventsWritten || System.nanoTime() - deadline > 0) {
          break;
        }
        try {
          lock.wait(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      try {
        if (!failed) {
          sink.write(endDocumentLocked());
        }
      } catch (Throwable t) {
        failed = true;
      } finally {
        queueClosed = true;
        sink.close();
      }
    }
    removeHook();
  }

  /** Closes this writer at JVM shutdown (normal exit, {@code System.exit}, uncaught exception). */
  public void installShutdownHook() {
    synchronized (lock) {
      if (hook != null || closed) {
        return;
      }
      hook = new Thread(this::close, "hbtrace-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  private void removeHook() {
    Thread h;
    synchronized (lock) {
      h = hook;
      hook = null;
    }
    if (h != null && h != Thread.currentThread()) {
      try {
        Runtime.getRuntime().removeShutdownHook(h);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs and finds us closed
      }
    }
  }

  boolean queueClosed() {
    synchronized (lock) {
      return queueClosed;
    }
  }

  // ---------------------------------------------------------------- START and END documents

  private byte[] startDocument(TraceStart start) {
    DocBuilder d = new DocBuilder(Format.START).bytes(Format.MAGIC);
    d.uvarint(Format.MAJOR).uvarint(Format.MINOR);
    d.string(start.producer()).string(start.producerVersion()).string(start.mainClass());
    d.uvarint(start.arguments().size());
    for (String a : start.arguments()) {
      d.string(a);
    }
    putMap(d, new TreeMap<>(start.metadata()));
    d.string(System.getProperty("java.vm.name", "") + " " + Runtime.version());
    d.uvarint(ProcessHandle.current().pid());
    d.svarint(System.currentTimeMillis());
    d.svarint(System.nanoTime());
    d.string("seq");
    d.uvarint(options.batchBytes());
    d.uvarint(options.flushIntervalMillis());
    Map<String, String> props = new TreeMap<>();
    for (String k : new String[] {"java.vendor", "os.name", "os.arch", "os.version"}) {
      props.put(k, System.getProperty(k, ""));
    }
    props.put("availableProcessors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    props.put("jvmName", safeJvmName());
    putMap(d, props);
    if (d.size() > Format.MAX_META_BYTES) {
      throw new IllegalArgumentException("START record over 1 MiB: too many or too long arguments");
    }
    return d.finish();
  }

  private static String safeJvmName() {
    try {
      return ManagementFactory.getRuntimeMXBean().getName();
    } catch (Throwable t) {
      return "";
    }
  }

  private static void putMap(DocBuilder d, Map<String, String> m) {
    d.uvarint(m.size());
    for (Map.Entry<String, String> e : m.entrySet()) {
      d.string(e.getKey()).string(e.getValue());
    }
  }

  private byte[] endDocumentLocked() {
    Map<Integer, long[]> perThread = new TreeMap<>(retired);
    long dropped = droppedClosed.sum() + discarded;
    for (ThreadBuffer b : buffers) {
      perThread.put(b.tid, new long[] {b.flushedCount, b.batchNo});
      dropped += b.dropped;
    }
    long taken = seq.get();
    dropped += taken - eventsWritten - discarded; // took a seq, never committed in time
    DocBuilder d = new DocBuilder(Format.END);
    d.svarint(System.currentTimeMillis());
    d.uvarint(taken).uvarint(eventsWritten).uvarint(Math.max(0, dropped));
    d.uvarint(perThread.size());
    for (Map.Entry<Integer, long[]> e : perThread.entrySet()) {
      d.uvarint(e.getKey()).uvarint(e.getValue()[0]).uvarint(e.getValue()[1]);
    }
    return d.finish();
  }
}
