package io.hbtrace.traces;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;

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
 * #close()} sweeps a last time and writes the END record. A new thread's buffer reuses the array of
 * a thread that has ended (its unflushed events copied out first), so short-lived threads allocate
 * no buffers; an array a sweep has already reaped is taken without the writer lock, so a thread's
 * first event seldom waits for another thread's sweep.
 *
 * <p><b>Metadata</b> ({@link #string}, {@link #site}, {@link #threadId}) is slow-path, thread-safe
 * and idempotent, under a lock of its own (a thread being numbered, its parent starting it, never
 * waits for a sweep's writes); each definition is queued before its id is handed out and reaches
 * the queue at the next sweep, which takes the definitions only after reading what every buffer has
 * committed, so before any batch holding an event that uses the id. A recording thread calls into
 * Chronicle only to sweep when its buffer is full, never for a definition or a new thread.
 *
 * <p>Longer than most files here: the hot path, the sweeps, the definitions and the close share one
 * concurrency story (the writer lock and each buffer's commit word), told in one class.
 */
public final class TraceWriter implements AutoCloseable {
  private final Path dir;
  private final WriterOptions options;

  /**
   * The empty file a writer creates in its fresh directory before anything else: two writers
   * started on one directory at once (two JVMs given the same {@code out=}) both find it empty, and
   * only one can create this file.
   */
  static final String CLAIM = "hbtrace-writer";

  private final Object lock = new Object();
  private final AtomicLong seq = new AtomicLong();
  private final LongAdder droppedClosed = new LongAdder();
  private final ThreadLocal<ThreadBuffer> local = ThreadLocal.withInitial(this::newBuffer);
  private volatile boolean closed;

  // guarded by lock
  private final BatchFlusher out;
  private int buffersAllocated;
  private boolean queueClosed;
  private Thread flusher;
  private Thread hook;

  /** Guards the definitions (lock may be taken before it, never after). */
  private final Object defLock = new Object();

  // guarded by defLock
  private final Map<String, Integer> strings = new HashMap<>();
  private final Map<Site, Integer> sites = new HashMap<>();
  private final WeakHashMap<Thread, Integer> tids = new WeakHashMap<>();
  private int nextTid = 1;

  private TraceWriter(Path dir, WriterOptions options, ChronicleSink sink, DiskRoom room) {
    this.dir = dir;
    this.options = options;
    this.out = new BatchFlusher(sink, room);
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
    return create(dir, start, options, SystemTimeProvider.INSTANCE, null);
  }

  /**
   * {@link #create(Path, TraceStart, WriterOptions)} with the clock that picks the queue's file,
   * and the file system's room ({@code null}: {@code dir}'s, as the file system tells it).
   */
  static TraceWriter create(
      Path dir, TraceStart start, WriterOptions options, TimeProvider clock, DiskRoom room)
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
      Files.createFile(dir.resolve(CLAIM)); // atomic: of writers that all found it empty, one wins
    } catch (FileAlreadyExistsException e) {
      throw new TraceException(Problem.IO, dir, "another writer is writing a trace there");
    } catch (IOException e) {
      throw new TraceException(Problem.IO, dir, "cannot create trace directory: " + e, e);
    }
    ChronicleSink sink;
    try {
      sink = new ChronicleSink(dir, options.blockSize(), clock);
    } catch (Throwable t) { // Chronicle reports missing module flags as assorted errors
      unclaim(dir);
      throw new TraceException(
          Problem.IO,
          dir,
          "Chronicle Queue could not start ("
              + t
              + "); the JVM needs "
              + ChronicleHygiene.JVM_FLAGS,
          t);
    }
    TraceWriter w = new TraceWriter(dir, options, sink, room != null ? room : DiskRoom.of(dir));
    try {
      sink.write(Records.startDocument(start, options));
    } catch (Throwable t) {
      sink.close();
      unclaim(dir);
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
    synchronized (defLock) {
      Integer id = strings.get(v);
      if (id != null) {
        return id;
      }
      int next = strings.size() + 1;
      strings.put(v, next);
      define(new DocBuilder(Format.STRING).uvarint(next).string(v).finish());
      return next;
    }
  }

  /** The site id ({@code >= 1}) of a source location; writes a SITE record the first time. */
  public int site(String className, String method, String sourceFile, int line) {
    Site key = new Site(nz(className), nz(method), nz(sourceFile), Math.max(-1, line));
    synchronized (defLock) {
      Integer id = sites.get(key);
      if (id != null) {
        return id;
      }
      int c = string(key.className());
      int m = string(key.method());
      int f = string(key.sourceFile());
      int next = sites.size() + 1;
      sites.put(key, next);
      define(
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
    synchronized (defLock) {
      Integer id = tids.get(t);
      if (id != null) {
        return id;
      }
      int tid = nextTid++;
      tids.put(t, tid);
      define(
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
      // one encoder per field position, not one per arity: the method stays small enough that
      // every caller's compilation is cheap (this is the hottest code of an instrumented program)
      if (arity > 0) {
        p = Format.putSvarint(a, p, f0);
      }
      if (arity > 1) {
        p = Format.putSvarint(a, p, f1);
      }
      if (arity > 2) {
        p = Format.putSvarint(a, p, f2);
      }
      if (arity > 3) {
        p = Format.putSvarint(a, p, f3);
      }
      if (arity > 4) {
        p = Format.putSvarint(a, p, f4);
      }
      if (arity > 5) {
        p = Format.putSvarint(a, p, f5);
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

  /** Gives up the claim of a writer that could not start (the directory is not its trace). */
  private static void unclaim(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(CLAIM));
    } catch (IOException | RuntimeException e) {
      // the claim stays: the directory then reads as half-initialised, and is not reused
    }
  }

  /**
   * Buffer full: below the batch capacity, move to an array twice the size; at it, sweep every
   * buffer under the lock, then reuse this one from offset 0. Returns where the next event goes, or
   * -1 to drop it.
   */
  private int makeRoom(ThreadBuffer b) {
    if (Thread.holdsLock(lock)) {
      return -1; // recorded from inside a flush (instrumented Chronicle internals): drop
    }
    int capacity = b.buf.length;
    if (capacity < options.batchBytes()) {
      synchronized (lock) { // no flusher reads the array while it is replaced
        if (closed) {
          return -1;
        }
        b.grow(Math.min(2 * capacity, options.batchBytes()));
        return b.pos;
      }
    }
    if (b.dropsBeforeProbe > 0) {
      b.dropsBeforeProbe--;
      return -1;
    }
    if (!StackRoom.enough()) {
      // the stack is nearly full: sweep at a shallower event; a failed probe throws (costly with a
      // deep stack), so the next ones wait for 1, 2, 4, ... up to 1024 more events
      b.probeBackoff = Math.min(Math.max(1, 2 * b.probeBackoff), 1024);
      b.dropsBeforeProbe = b.probeBackoff;
      return -1;
    }
    b.probeBackoff = 0;
    synchronized (lock) {
      if (!queueClosed) {
        // also while close() waits for threads still recording: what this buffer committed is
        // then written and counted, not discarded by the reset behind END's back
        out.sweep();
        out.reap(); // the ended threads' arrays, all flushed now, spare for new threads
      }
      out.reset(b);
      return closed || out.failed() ? -1 : 0;
    }
  }

  /**
   * A thread's first event: its buffer, over a dead thread's array when there is one; or the buffer
   * it had, if its thread-local values were cleared since ({@link BatchFlusher#registered}). With a
   * reaped array spare it takes no writer lock, so a thread's first event does not wait for a sweep
   * another thread is making; else it looks for a dead thread's buffer under the lock. Either way
   * the buffer is enrolled, for the next sweep to adopt.
   */
  private ThreadBuffer newBuffer() {
    Thread t = Thread.currentThread();
    ThreadBuffer had = out.registered(t);
    if (had != null) {
      return had;
    }
    int tid = threadId(t);
    byte[] buf = closed ? null : out.spareArray();
    ThreadBuffer b = new ThreadBuffer(tid, t, buf != null ? buf : endedThreadsArray());
    out.enroll(b, t);
    return b;
  }

  /** A registered dead thread's array, else a new one (under the writer lock). */
  private byte[] endedThreadsArray() {
    synchronized (lock) {
      byte[] reused = closed ? null : out.recycle();
      if (reused != null) {
        return reused;
      }
      buffersAllocated++;
      return new byte[ThreadBuffer.INITIAL_BYTES];
    }
  }

  /**
   * Forgets the calling thread's buffer in its thread-local, as a pool that clears thread-local
   * values between tasks does (tests).
   */
  void clearThreadLocal() {
    local.remove();
  }

  /** Bytes of the buffer arrays of the threads registered now (tests). */
  long bufferBytes() {
    synchronized (lock) {
      return out.bufferBytes();
    }
  }

  /** Buffer arrays allocated so far (the others were reused from threads that ended). */
  int buffersAllocated() {
    synchronized (lock) {
      return buffersAllocated;
    }
  }

  // ---------------------------------------------------------------- flushing (under lock)

  /** Writes every thread's committed events into the queue. */
  public void flush() {
    synchronized (lock) {
      if (!closed) {
        out.sweep();
      }
    }
  }

  /** Queues a definition for the next sweep (under defLock, so in the order of the ids). */
  private void define(byte[] doc) {
    if (!closed) {
      out.define(doc);
    }
  }

  private void startFlusher() {
    Thread t = BackgroundThread.of(this::flushLoop, "hbtrace-flusher");
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
        out.sweep();
        out.reap();
      }
    }
  }

  // ---------------------------------------------------------------- stats, close

  /**
   * True if the writer stopped writing because the trace's file system was nearly full: what was
   * written before reads as a trace without an end; later events were counted and dropped.
   */
  public boolean outOfRoom() {
    synchronized (lock) {
      return out.outOfRoom();
    }
  }

  /** Counters; see {@link WriterStats}. */
  public WriterStats stats() {
    synchronized (lock) {
      return out.stats(droppedClosed.sum());
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
      while (!out.failed()) {
        out.sweep();
        if (seq.get() == out.eventsWritten() || System.nanoTime() - deadline > 0) {
          break;
        }
        try {
          lock.wait(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      queueClosed = true;
      out.finish(out.endDocument(seq.get(), droppedClosed.sum()));
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
}
