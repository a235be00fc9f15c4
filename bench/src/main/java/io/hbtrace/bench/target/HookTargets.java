package io.hbtrace.bench.target;

import java.util.concurrent.locks.ReentrantLock;

/**
 * The code {@link io.hbtrace.bench.HookCostBenchmark} calls: one method per kind of hooked
 * operation. The benchmark's spec ({@code hook-cost.spec}) includes this package, names {@link
 * #size} volatile and puts a tracepoint on {@link #publish}.
 */
public final class HookTargets {
  private final Object monitor = new Object();
  private final ReentrantLock lock = new ReentrantLock();
  private final long id = 7;
  private volatile long size;
  private long plain;

  /** MONITOR_ENTER + MONITOR_EXIT. */
  public long monitor() {
    synchronized (monitor) {
      return ++plain;
    }
  }

  /** LOCK_ACQUIRE + LOCK_RELEASE. */
  public long lock() {
    lock.lock();
    try {
      return ++plain;
    } finally {
      lock.unlock();
    }
  }

  /** A tracepoint at exit (SIZE_UPDATE with an {@code @enter} capture) and a VOLATILE_WRITE. */
  public long publish(long newSize) {
    size = newSize;
    return newSize;
  }

  /** VOLATILE_READ. */
  public long readSize() {
    return size;
  }

  /** Nothing to record: the cost of being in an instrumented class at all. */
  public long plain() {
    return ++plain + id;
  }
}
