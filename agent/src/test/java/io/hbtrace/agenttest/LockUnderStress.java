package io.hbtrace.agenttest;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock taken and given back at every level of a recursion until the stack overflows, and a thread
 * stopped ({@code Thread.stop}) while it takes and gives back a lock in a loop: neither may leave
 * the lock held, nor the stopped thread running.
 */
public final class LockUnderStress {
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static long count;

  private LockUnderStress() {}

  private static void deeper() {
    LOCK.lock();
    count++;
    LOCK.unlock();
    deeper();
  }

  /** Overflows 50 times; returns how many times the lock was left held after it. */
  public static int overflows() {
    int leaked = 0;
    for (int i = 0; i < 50; i++) {
      try {
        deeper();
      } catch (StackOverflowError e) {
        // as the program means to
      }
      if (LOCK.getHoldCount() != 0) {
        leaked++;
        while (LOCK.getHoldCount() > 0) {
          LOCK.unlock();
        }
      }
    }
    return leaked;
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println("leaked " + overflows());
  }
}
