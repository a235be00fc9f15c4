package io.hbtrace.agent.record;

import io.hbtrace.agent.bridge.HookSink;
import io.hbtrace.traces.BackgroundThread;
import io.hbtrace.traces.event.EventKind;
import java.util.Arrays;
import java.util.List;

/**
 * The sink behind {@code Hooks}: turns hooked operations into events on a {@link TraceOutput}, with
 * objects named by their {@link IdentityTable} ids and threads by the output's thread ids. It runs
 * only uninstrumented code (its own, the JDK's, the trace writer's), so it cannot re-enter the
 * hooks.
 */
public final class Recorder implements HookSink, IdentityTable.Listener {
  private static final int MONITOR_ENTER = EventKind.MONITOR_ENTER.code();
  private static final int MONITOR_EXIT = EventKind.MONITOR_EXIT.code();
  private static final int LOCK_ACQUIRE = EventKind.LOCK_ACQUIRE.code();
  private static final int LOCK_RELEASE = EventKind.LOCK_RELEASE.code();
  private static final int THREAD_START = EventKind.THREAD_START.code();
  private static final int THREAD_JOIN = EventKind.THREAD_JOIN.code();
  private static final int HANDOFF_SEND = EventKind.HANDOFF_SEND.code();
  private static final int HANDOFF_RECEIVE = EventKind.HANDOFF_RECEIVE.code();
  private static final int VOLATILE_WRITE = EventKind.VOLATILE_WRITE.code();
  private static final int VOLATILE_READ = EventKind.VOLATILE_READ.code();
  private static final int OBJECT_NEW = EventKind.OBJECT_NEW.code();
  private static final int OBJECT_FREE = EventKind.OBJECT_FREE.code();

  private final TraceOutput out;
  private final Problems problems;
  private final LockIdentity locks = new LockIdentity();
  private final ViewBacking views = new ViewBacking();
  private final IdentityTable ids;
  private final ClassValue<Integer> typeNames =
      new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
          return out.string(type.getName());
        }
      };
  private volatile FieldChain[] chains = new FieldChain[0];
  private Thread housekeeping;
  private volatile boolean closed;

  /**
   * What each thread holds as the trace saw it; only when attached to a running program. Set before
   * the recorder is installed as the hooks' sink, which publishes it (no volatile read per lock
   * event).
   */
  private HeldLocks held;

  public Recorder(TraceOutput out, Problems problems) {
    this.out = out;
    this.problems = problems;
    this.ids = new IdentityTable(this, locks);
  }

  /**
   * Attached to a program already running: releases (and waits) of holds taken by code that ran
   * before the attach are left out (see {@link HeldLocks}).
   */
  public void attachedMidRun() {
    held = new HeldLocks();
  }

  public TraceOutput output() {
    return out;
  }

  Problems problems() {
    return problems;
  }

  /** Whether read-write lock views and their lock share one id by the JDK's internals. */
  public boolean lockInternalsOpen() {
    return locks.available();
  }

  /**
   * Registers the reflective rest of a capture's field chain; returns the id baked into the
   * generated code that calls {@code Hooks.capture(base, id)}.
   */
  public synchronized int registerChain(String source, List<String> hops) {
    FieldChain[] next = Arrays.copyOf(chains, chains.length + 1);
    next[chains.length] = new FieldChain(source, hops);
    chains = next;
    return chains.length - 1;
  }

  /** The interned string id of a spec's string literal, baked into generated code. */
  public int string(String s) {
    return out.string(s);
  }

  /**
   * Starts the daemon thread that reports freed objects: it waits for the collector to queue the
   * identity entries of dead objects and deletes them as they come.
   */
  public synchronized void startHousekeeping() {
    if (housekeeping != null) {
      return;
    }
    Thread t =
        BackgroundThread.of(
            () -> {
              while (!closed) {
                try {
                  ids.expungeQueued(200);
                } catch (InterruptedException e) {
                  return;
                } catch (Throwable e) {
                  problems.once("housekeeping: " + e);
                }
              }
            },
            "hbtrace-housekeeping");
    t.start();
    housekeeping = t;
  }

  /**
   * Reports every object collected so far, queued or not; what the housekeeping thread does as the
   * collector queues them, for a caller that knows when the program is quiet (an exploration,
   * between runs).
   */
  public void expunge() {
    ids.expunge();
  }

  /** Reports freed objects, then closes the output (complete flush, end record). */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      ids.expunge();
    } catch (Throwable e) {
      problems.once("final expunge: " + e);
    }
    out.close();
  }

  // ---- conversions -----------------------------------------------------------------------------

  /** A captured value as a field: numbers as themselves, enums by ordinal, objects by identity. */
  long toLong(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Boolean) {
      return ((Boolean) v) ? 1 : 0;
    }
    if (v instanceof Character) {
      return (Character) v;
    }
    if (v instanceof Enum<?>) {
      return ((Enum<?>) v).ordinal();
    }
    if (v instanceof Number && v.getClass().getName().startsWith("java.")) {
      return ((Number) v).longValue(); // Double, Float, AtomicLong, AtomicInteger, BigInteger
    }
    return ids.id(v);
  }

  private void emit(int kind, int site, long f0, long f1) {
    out.record(kind, site, f0, f1, 0, 0, 0, 0);
  }

  // ---- IdentityTable.Listener
  // --------------------------------------------------------------------

  @Override
  public void born(long id, Object o) {
    emit(OBJECT_NEW, 0, id, typeNames.get(o.getClass()));
  }

  @Override
  public void freed(long id) {
    emit(OBJECT_FREE, 0, id, 0);
  }

  // ---- HookSink
  // ----------------------------------------------------------------------------------

  @Override
  public void monitorEnter(Object monitor, int site) {
    long id = ids.id(monitor);
    HeldLocks h = held;
    if (h != null) {
      h.acquired(HeldLocks.key(id, HeldLocks.MONITOR));
    }
    emit(MONITOR_ENTER, site, id, 0);
  }

  @Override
  public void monitorExit(Object monitor, int site) {
    long id = ids.id(monitor);
    HeldLocks h = held;
    if (h == null || h.released(HeldLocks.key(id, HeldLocks.MONITOR))) {
      emit(MONITOR_EXIT, site, id, 0);
    }
  }

  @Override
  public void lockAcquire(Object lock, int site) {
    IdentityTable.Entry e = ids.entry(lock);
    HeldLocks h = held;
    if (h != null) {
      h.acquired(HeldLocks.key(e.id, e.mode));
    }
    emit(LOCK_ACQUIRE, site, e.id, e.mode);
  }

  @Override
  public boolean beforeAcquire(Object lock, int site) {
    return out.before(LOCK_ACQUIRE, site);
  }

  @Override
  public void beforeMonitorEnter(Object monitor, int site) {
    out.before(MONITOR_ENTER, site);
  }

  @Override
  public void beforeBlocking(Object on) {
    out.blocking(on);
  }

  @Override
  public void lockRelease(Object lock, int site) {
    IdentityTable.Entry e = ids.entry(lock);
    HeldLocks h = held;
    if (h == null || h.released(HeldLocks.key(e.id, e.mode))) {
      emit(LOCK_RELEASE, site, e.id, e.mode);
    }
  }

  @Override
  public void waitRelease(Object lock, boolean monitor, int site) {
    HeldLocks h = held;
    if (h == null) {
      HookSink.super.waitRelease(lock, monitor, site);
    } else {
      waitEdge(h, lock, monitor, true, site);
    }
  }

  @Override
  public void waitReacquire(Object lock, boolean monitor, int site) {
    HeldLocks h = held;
    if (h == null) {
      HookSink.super.waitReacquire(lock, monitor, site);
    } else {
      waitEdge(h, lock, monitor, false, site);
    }
  }

  /** A wait's release of {@code lock} ({@code release}) or its re-acquire, attached mid-run. */
  private void waitEdge(HeldLocks h, Object lock, boolean monitor, boolean release, int site) {
    IdentityTable.Entry e = ids.entry(lock);
    long key = HeldLocks.key(e.id, monitor ? HeldLocks.MONITOR : e.mode);
    if (release ? h.waitReleased(key) : h.waitReacquired(key)) {
      int kind =
          monitor
              ? (release ? MONITOR_EXIT : MONITOR_ENTER)
              : (release ? LOCK_RELEASE : LOCK_ACQUIRE);
      emit(kind, site, e.id, monitor ? 0 : e.mode);
    }
  }

  @Override
  public void lockView(Object view, Object rwl, boolean shared) {
    ids.alias(view, rwl, shared ? 1 : 0);
  }

  @Override
  public Object conditionOwner(Object condition) {
    return locks.conditionOwner(condition);
  }

  @Override
  public Object viewBacking(Object view) {
    return views.of(view);
  }

  @Override
  public Object viewLock(Object view) {
    return views.lockOf(view);
  }

  @Override
  public void threadStart(Thread child, int site) {
    emit(THREAD_START, site, out.threadId(child), 0);
  }

  @Override
  public void threadJoin(Thread child, int site) {
    emit(THREAD_JOIN, site, out.threadId(child), 0);
  }

  @Override
  public void handoffSend(Object channel, int how, int site) {
    emit(HANDOFF_SEND, site, ids.id(channel), how);
  }

  @Override
  public void handoffReceive(Object channel, int how, int site) {
    emit(HANDOFF_RECEIVE, site, ids.id(channel), how);
  }

  @Override
  public void alias(Object alias, Object target) {
    ids.alias(alias, target, 0);
  }

  @Override
  public void volatileWrite(int field, Object owner, long value, int site) {
    out.record(VOLATILE_WRITE, site, field, ids.id(owner), value, 0, 0, 0);
  }

  @Override
  public long volatileRead(int field, Object owner, long value, int site, boolean given) {
    return read(site, field, ids.id(owner), value, given);
  }

  private long read(int site, long field, long owner, long value, boolean given) {
    if (given) {
      return out.recordRead(site, field, owner, value);
    }
    out.record(VOLATILE_READ, site, field, owner, value, 0, 0, 0);
    return value;
  }

  @Override
  public long identity(Object value) {
    return ids.id(value);
  }

  @Override
  public void atomicLoaded(Object owner, Object atomic, int field) {
    ids.registerAtomic(atomic, field, ids.id(owner));
  }

  @Override
  public void atomicWrite(Object atomic, long value, int site) {
    recordAtomicWrite(atomic, value, site);
  }

  @Override
  public void atomicUpdate(Object atomic, long value, int site) {
    if (recordAtomicWrite(atomic, value, site)) {
      out.before(VOLATILE_READ, site);
    }
  }

  /** Records a write of {@code atomic} if it was loaded from a named field; says whether it was. */
  private boolean recordAtomicWrite(Object atomic, long value, int site) {
    IdentityTable.AtomicEntry e = named(atomic);
    if (e == null) {
      return false;
    }
    out.record(VOLATILE_WRITE, site, e.field, e.fieldOwner, value, 0, 0, 0);
    return true;
  }

  @Override
  public long atomicRead(Object atomic, long value, int site, boolean given) {
    IdentityTable.AtomicEntry e = named(atomic);
    return e == null ? value : read(site, e.field, e.fieldOwner, value, given);
  }

  /** The identity entry of an atomic loaded from a named field; null for any other. */
  private IdentityTable.AtomicEntry named(Object atomic) {
    return ids.lookup(atomic) instanceof IdentityTable.AtomicEntry a ? a : null;
  }

  @Override
  public void event(int kind, int site, long f0, long f1, long f2, long f3, long f4, long f5) {
    out.record(kind, site, f0, f1, f2, f3, f4, f5);
  }

  @Override
  public long value(Object v) {
    return toLong(v);
  }

  @Override
  public long capture(Object base, int chain) {
    return chains[chain].eval(this, base);
  }

  @Override
  public void failed(Throwable t) {
    problems.once("a hook failed (the program is unaffected): " + t);
  }
}
