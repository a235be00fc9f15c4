package io.hbtrace.agenttest.junit;

import io.hbtrace.agent.junit.HbtraceExtension;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two tests recorded each into its own trace (run by {@link RunJUnit}, not by Surefire). */
@ExtendWith(HbtraceExtension.class)
@TestMethodOrder(MethodOrderer.MethodName.class)
class TwoCases {
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final Object MONITOR = new Object();
  private static int n;

  @Test
  void a() {
    LOCK.lock();
    try {
      n++;
    } finally {
      LOCK.unlock();
    }
  }

  @Test
  void b() {
    synchronized (MONITOR) {
      n++;
    }
  }
}
