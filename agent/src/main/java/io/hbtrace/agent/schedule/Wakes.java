package io.hbtrace.agent.schedule;

import io.hbtrace.traces.event.EventKind;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.LockSupport;

/**
 * Which events may wake another thread (the release-type ones), and whether a parked thread is
 * about to run: it is parked on a synchronizer (a lock, a latch, a queue's lock) that is now free,
 * so the system will run it as soon as it can, though {@code Thread.getState()} still says WAITING.
 */
final class Wakes {
  /** {@code AbstractQueuedSynchronizer.getState()}, or null if its package is not open to us. */
  private static final MethodHandle STATE = state();

  private Wakes() {}

  private static MethodHandle state() {
    try {
      var m = AbstractQueuedSynchronizer.class.getDeclaredMethod("getState");
      m.setAccessible(true);
      return MethodHandles.lookup()
          .unreflect(m)
          .asType(MethodType.methodType(int.class, AbstractQueuedSynchronizer.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Whether we can tell a parked thread about to run ({@link #aboutToRun}); else callers wait. */
  static boolean known() {
    return STATE != null;
  }

  /** {@code t} is parked on a synchronizer nobody holds: it is about to run. */
  static boolean aboutToRun(Thread t) {
    Object b = LockSupport.getBlocker(t);
    if (!(b instanceof AbstractQueuedSynchronizer) || STATE == null) {
      return false;
    }
    try {
      return (int) STATE.invokeExact((AbstractQueuedSynchronizer) b) == 0;
    } catch (Throwable e) {
      return false;
    }
  }

  static boolean mayWake(int kind) {
    return kind == EventKind.LOCK_RELEASE.code()
        || kind == EventKind.MONITOR_EXIT.code()
        || kind == EventKind.HANDOFF_SEND.code()
        || kind == EventKind.THREAD_START.code()
        || kind == EventKind.VOLATILE_WRITE.code();
  }
}
