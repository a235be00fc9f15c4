package io.hbtrace.analyzer.hb;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.HandoffReceive;
import io.hbtrace.traces.event.HandoffSend;
import io.hbtrace.traces.event.LockAcquire;
import io.hbtrace.traces.event.LockMode;
import io.hbtrace.traces.event.LockRelease;
import io.hbtrace.traces.event.MonitorEnter;
import io.hbtrace.traces.event.MonitorExit;
import io.hbtrace.traces.event.ObjectFree;
import io.hbtrace.traces.event.ThreadJoin;
import io.hbtrace.traces.event.ThreadStart;
import io.hbtrace.traces.event.VolatileRead;
import io.hbtrace.traces.event.VolatileWrite;

/**
 * Feeds synchronization events to a {@link SyncClocks}. Release-type events (release, monitor exit,
 * thread start, hand-off send, volatile write) are recorded before the operation and acquire-type
 * ones after it; a stamp of a release-type event must therefore be taken before {@link #apply}, and
 * of an acquire-type event after it (see {@link #isRelease}).
 */
public final class SyncEvents {
  private SyncEvents() {}

  /** True for events whose stamp must be taken before they are applied. */
  public static boolean isRelease(Event e) {
    return switch (e.kind()) {
      case LOCK_RELEASE, MONITOR_EXIT, THREAD_START, HANDOFF_SEND, VOLATILE_WRITE -> true;
      default -> false;
    };
  }

  /** Applies the event's effect on the clocks; non-synchronization events have none. */
  public static void apply(SyncClocks clocks, Event e) {
    apply(clocks, e, e.kind());
  }

  /** {@link #apply(SyncClocks, Event)} with the event's kind already read. */
  public static void apply(SyncClocks clocks, Event e, EventKind kind) {
    switch (kind) {
      case LOCK_ACQUIRE -> {
        LockAcquire a = (LockAcquire) e;
        clocks.acquire(a.thread(), a.lock(), a.mode() == LockMode.SHARED);
      }
      case LOCK_RELEASE -> {
        LockRelease r = (LockRelease) e;
        clocks.release(r.thread(), r.lock(), r.mode() == LockMode.SHARED);
      }
      case MONITOR_ENTER -> clocks.acquire(e.thread(), ((MonitorEnter) e).monitor(), false);
      case MONITOR_EXIT -> clocks.release(e.thread(), ((MonitorExit) e).monitor(), false);
      case THREAD_START -> clocks.threadStart(e.thread(), ((ThreadStart) e).child());
      case THREAD_JOIN -> clocks.threadJoin(e.thread(), ((ThreadJoin) e).child());
      case HANDOFF_SEND -> clocks.send(e.thread(), ((HandoffSend) e).channel());
      case HANDOFF_RECEIVE -> {
        HandoffReceive r = (HandoffReceive) e;
        clocks.receive(r.thread(), r.channel(), r.how());
      }
      case VOLATILE_WRITE -> {
        VolatileWrite w = (VolatileWrite) e;
        clocks.volatileWrite(w.thread(), SyncClocks.location(w.field(), w.object()), w.value());
      }
      case VOLATILE_READ -> {
        VolatileRead r = (VolatileRead) e;
        clocks.volatileRead(r.thread(), SyncClocks.location(r.field(), r.object()), r.value());
      }
      case OBJECT_FREE -> clocks.forget(((ObjectFree) e).object());
      default -> {}
    }
  }

  /** Applies {@code e} and returns its stamp, taken on the correct side of the operation. */
  public static Stamp applyAndStamp(SyncClocks clocks, Event e) {
    if (isRelease(e)) {
      Stamp s = clocks.stamp(e.thread(), e.seq());
      apply(clocks, e);
      return s;
    }
    apply(clocks, e);
    return clocks.stamp(e.thread(), e.seq());
  }
}
