package io.hbtrace.agent.record;

import io.hbtrace.traces.event.EventKind;

/**
 * Where the recorder writes: the subset of {@code io.hbtrace.traces.TraceWriter} it uses, so that
 * tests can record into memory. Implementations are thread-safe; {@link #record} is the hot path,
 * never throws, and takes the event's global sequence number inside.
 */
public interface TraceOutput extends AutoCloseable {

  /** Interned id (>= 1) of {@code s}. */
  int string(String s);

  /** Id (>= 1) of a source location. */
  int site(String className, String method, String sourceFile, int line);

  /** Stable small id (>= 1) of a thread; records its name. */
  int threadId(Thread t);

  /**
   * Announces an event that will be recorded after an operation that may block (a lock acquire),
   * before that operation: a scheduled run takes the thread's turn here. Recording ignores it.
   * Whether to attempt the operation: false when a replay knows a {@code tryLock} failed here when
   * recorded (see {@link io.hbtrace.agent.schedule.Scheduler#awaitTurnBefore}).
   */
  default boolean before(int kindCode, int site) {
    return true;
  }

  /**
   * The calling thread is about to block in an operation that another thread must end (a wait, a
   * join, a take) on {@code on} (see {@code HookSink.beforeBlocking}): a scheduled run lets the
   * others go. Recording ignores it.
   */
  default void blocking(Object on) {}

  /** Fields beyond the kind's arity are ignored. */
  void record(int kindCode, int site, long f0, long f1, long f2, long f3, long f4, long f5);

  /**
   * Records a read (a {@code VOLATILE_READ}) of a named volatile field or atomic that got {@code
   * value}, and returns the value the program is to use: {@code value}, except in a replay that
   * follows its recording, where it is the value the recorded run read there.
   */
  default long recordRead(int site, long field, long owner, long value) {
    record(EventKind.VOLATILE_READ.code(), site, field, owner, value, 0, 0, 0);
    return value;
  }

  void flush();

  /** Flushes everything and writes the end record; later calls to {@link #record} are dropped. */
  @Override
  void close();
}
