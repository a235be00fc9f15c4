package io.hbtrace.agent.bridge;

/**
 * What the hooks ({@link Hooks} and the classes beside it) forward to: the recorder implements it.
 * Every method is called at most once per hooked operation, never re-entrantly on one thread, and
 * may throw (the hooks swallow it).
 *
 * <p>Release-type events ({@code monitorExit}, {@code lockRelease}, {@code threadStart}, {@code
 * handoffSend}, volatile writes) are called before the operation, acquire-type events after it.
 */
public interface HookSink {

  void monitorEnter(Object monitor, int site);

  void monitorExit(Object monitor, int site);

  void lockAcquire(Object lock, int site);

  /**
   * Before a lock acquire is attempted, when {@link Hooks#scheduledRun} asked for it (scheduled
   * runs): the acquire's own {@link #lockAcquire} still follows if it succeeds. Whether to attempt
   * it: false when a replay knows a {@code tryLock} failed here when recorded (the hook then fails
   * it without trying; a blocking acquire goes ahead all the same).
   */
  default boolean beforeAcquire(Object lock, int site) {
    return true;
  }

  /**
   * Before a {@code synchronized} block is entered, in a scheduled run (the instrumentation asks
   * only then): the entry's own {@link #monitorEnter} follows.
   */
  default void beforeMonitorEnter(Object monitor, int site) {}

  /**
   * Before an operation that blocks until another thread acts (a wait, a join, a take), when {@link
   * Hooks#scheduledRun} asked for it: {@code on} is what it waits on (the thread it joins, the
   * condition, latch, future or queue; null when a task leaves for its executor's own wait).
   */
  default void beforeBlocking(Object on) {}

  void lockRelease(Object lock, int site);

  /**
   * A wait ({@code Object.wait}, {@code Condition.await}) gives up {@code lock} (a monitor if
   * {@code monitor}) until it is woken.
   */
  default void waitRelease(Object lock, boolean monitor, int site) {
    if (monitor) {
      monitorExit(lock, site);
    } else {
      lockRelease(lock, site);
    }
  }

  /** The wait that gave up {@code lock} has it again. */
  default void waitReacquire(Object lock, boolean monitor, int site) {
    if (monitor) {
      monitorEnter(lock, site);
    } else {
      lockAcquire(lock, site);
    }
  }

  /** {@code view} (returned by {@code readLock()}/{@code writeLock()}) is a mode of {@code rwl}. */
  void lockView(Object view, Object rwl, boolean shared);

  /** The lock a {@code Condition} belongs to, or {@code null} if unknown. */
  Object conditionOwner(Object condition);

  /**
   * The collection a read-only or synchronized view of {@code java.util.Collections} wraps, or
   * {@code null} if {@code view} is not one (or it cannot be told).
   */
  default Object viewBacking(Object view) {
    return null;
  }

  /**
   * The lock of a synchronized view of {@code java.util.Collections} (which its calls hold), or
   * {@code null} if {@code view} is not one (or it cannot be told).
   */
  default Object viewLock(Object view) {
    return null;
  }

  void threadStart(Thread child, int site);

  void threadJoin(Thread child, int site);

  void handoffSend(Object channel, int how, int site);

  void handoffReceive(Object channel, int how, int site);

  /** From now on {@code alias} has the identity of {@code target}. */
  void alias(Object alias, Object target);

  void volatileWrite(int field, Object owner, long value, int site);

  /**
   * A read of a named volatile field that got {@code value}; returns the value the program is to
   * use when {@code given} (a primitive field, whose read the instrumented code takes back from the
   * hook): {@code value}, except in a replay, where it is the value the recorded run read.
   */
  long volatileRead(int field, Object owner, long value, int site, boolean given);

  /** A reference value written to or read from a named field: recorded as its identity. */
  long identity(Object value);

  /** An object was loaded from a spec-named atomic field: later calls on it are that field's. */
  void atomicLoaded(Object owner, Object atomic, int field);

  void atomicWrite(Object atomic, long value, int site);

  /** As {@link #volatileRead}, for an atomic loaded from a named field. */
  long atomicRead(Object atomic, long value, int site, boolean given);

  /**
   * The write half of an atomic read-modify-write, {@code value} being what it is about to store;
   * its read follows through {@link #atomicRead} once the update is done. A scheduled run performs
   * the update in the turn of that read, where the recording saw the value it replaced.
   */
  void atomicUpdate(Object atomic, long value, int site);

  /** A tracepoint event with its captured fields. */
  void event(int kind, int site, long f0, long f1, long f2, long f3, long f4, long f5);

  /** A captured reference (not null) as a field value: ordinal, number or identity. */
  long value(Object v);

  /** Evaluates the rest of field chain {@code chain} reflectively from {@code base} (not null). */
  long capture(Object base, int chain);

  /** A hook failed: counted, and reported once when verbose. */
  void failed(Throwable t);
}
