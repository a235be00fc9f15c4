package io.hbtrace.agenttest.junit;

import io.hbtrace.agent.junit.HbtraceExtension;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two tests that run at the same time (each waits for the other), under JUnit's parallel mode. */
@ExtendWith(HbtraceExtension.class)
class ParallelCases {
  private static final CyclicBarrier BOTH = new CyclicBarrier(2);
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final Object MONITOR = new Object();
  private static int n;

  @Test
  void a() throws Exception {
    BOTH.await(30, TimeUnit.SECONDS);
    LOCK.lock();
    try {
      n++;
    } finally {
      LOCK.unlock();
    }
  }

  @Test
  void b() throws Exception {
    BOTH.await(30, TimeUnit.SECONDS);
    synchronized (MONITOR) {
      n++;
    }
  }
}
