package io.hbtrace.agenttest;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Phaser;

/**
 * A barrier's action and a phaser's {@code onAdvance} run in the thread that arrives last; what
 * they do must be ordered before what the other thread does once the barrier trips, and what each
 * party did before it arrived before them. They mark an object, which the other thread (not the one
 * that ran it) marks after its wait returns, and each party's own, marked before it arrives.
 */
public final class BarrierEdges {
  private static final Object ACTION = new Object();
  private static volatile Thread ranIt;
  private static int entered;

  private BarrierEdges() {}

  private static void mark(Object o) {
    synchronized (o) {
      entered++;
    }
  }

  /** What each party did before it arrived, which the action (or onAdvance) must come after. */
  private static final Object[] ARRIVED = {new Object(), new Object()};

  private static void action() {
    mark(ACTION);
    mark(ARRIVED[0]);
    mark(ARRIVED[1]);
    ranIt = Thread.currentThread();
  }

  /** Two threads at a barrier with an action; returns the action's thread's arrival index. */
  public static String barrier() throws Exception {
    CyclicBarrier b = new CyclicBarrier(2, BarrierEdges::action);
    int[] index = new int[2];
    Thread other =
        new Thread(
            () -> {
              try {
                mark(ARRIVED[1]);
                index[1] = b.await();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
              markIfOther();
            });
    other.start();
    mark(ARRIVED[0]);
    index[0] = b.await();
    markIfOther();
    other.join();
    return "last arrival " + (ranIt == other ? index[1] : index[0]);
  }

  private static void markIfOther() {
    if (ranIt != Thread.currentThread()) {
      mark(ACTION);
    }
  }

  /** Two parties of a phaser of the program's own arrive and wait for the advance. */
  public static String phaser() throws Exception {
    Phaser p =
        new Phaser(2) {
          @Override
          protected boolean onAdvance(int phase, int parties) {
            action();
            return true;
          }
        };
    Thread other =
        new Thread(
            () -> {
              mark(ARRIVED[1]);
              p.arriveAndAwaitAdvance();
              markIfOther();
            });
    other.start();
    mark(ARRIVED[0]);
    p.arriveAndAwaitAdvance();
    markIfOther();
    other.join();
    return "terminated " + p.isTerminated();
  }
}
