package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.HandoffHooks.received;
import static io.hbtrace.agent.bridge.HandoffHooks.sent;
import static io.hbtrace.agent.bridge.Hooks.blocking;
import static io.hbtrace.agent.bridge.Hooks.scheduledRun;
import static io.hbtrace.agent.bridge.Hooks.sink;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hooks for the JDK's other signalling structures, each a channel of its own, recorded as latch
 * hand-offs: a {@code Semaphore}'s release sends and an acquire that got its permits receives; a
 * {@code CyclicBarrier}'s or {@code Phaser}'s arrival sends and the return of a wait for the
 * barrier to trip (the phase to advance) receives (a phaser's channel is its root: tiers advance
 * together); an {@code Exchanger}'s exchange sends before and receives after. What fails (a try
 * that got no permit, a wait that timed out or broke) receives nothing. The rules in {@link Hooks}'
 * comment hold here too.
 */
public final class PermitHooks {

  private PermitHooks() {}

  public static void release(Semaphore s, int site) {
    sent(s, HandoffKind.LATCH, site);
    s.release();
  }

  public static void release(Semaphore s, int permits, int site) {
    sent(s, HandoffKind.LATCH, site);
    s.release(permits);
  }

  public static void acquire(Semaphore s, int site) throws InterruptedException {
    waiting(s);
    s.acquire();
    received(s, HandoffKind.LATCH, site);
  }

  public static void acquire(Semaphore s, int permits, int site) throws InterruptedException {
    waiting(s);
    s.acquire(permits);
    received(s, HandoffKind.LATCH, site);
  }

  public static void acquireUninterruptibly(Semaphore s, int site) {
    waiting(s);
    s.acquireUninterruptibly();
    received(s, HandoffKind.LATCH, site);
  }

  public static void acquireUninterruptibly(Semaphore s, int permits, int site) {
    waiting(s);
    s.acquireUninterruptibly(permits);
    received(s, HandoffKind.LATCH, site);
  }

  public static boolean tryAcquire(Semaphore s, int site) {
    return got(s, s.tryAcquire(), site);
  }

  public static boolean tryAcquire(Semaphore s, int permits, int site) {
    return got(s, s.tryAcquire(permits), site);
  }

  public static boolean tryAcquire(Semaphore s, long time, TimeUnit unit, int site)
      throws InterruptedException {
    waiting(s);
    return got(s, s.tryAcquire(time, unit), site);
  }

  public static boolean tryAcquire(Semaphore s, int permits, long time, TimeUnit unit, int site)
      throws InterruptedException {
    waiting(s);
    return got(s, s.tryAcquire(permits, time, unit), site);
  }

  /**
   * The barrier each thread is waiting at, while it waits: a barrier's action runs inside the await
   * of the thread that arrives last, and sends on that barrier when it ends.
   */
  private static final ThreadLocal<Object> AWAITING = new ThreadLocal<Object>();

  /**
   * A barrier's action ({@code new CyclicBarrier(parties, action)}), wrapped so that its start
   * receives every party's arrival and its end sends on the barrier, before the barrier releases
   * the waiting threads, whose waits receive it.
   */
  public static Runnable barrierAction(Runnable action, int site) {
    return action == null || sink == null ? action : new BarrierAction(action, site);
  }

  private static final class BarrierAction implements Runnable {
    private final Runnable action;
    private final int site;

    BarrierAction(Runnable action, int site) {
      this.action = action;
      this.site = site;
    }

    @Override
    public void run() {
      Object barrier = AWAITING.get();
      if (barrier != null) {
        received(barrier, HandoffKind.LATCH, site); // every party's arrival comes before it
      }
      try {
        action.run();
      } finally {
        if (barrier != null) {
          sent(barrier, HandoffKind.LATCH, site);
        }
      }
    }

    @Override
    public String toString() {
      return action.toString();
    }
  }

  public static int await(CyclicBarrier b, int site)
      throws InterruptedException, BrokenBarrierException {
    sent(b, HandoffKind.LATCH, site);
    waiting(b);
    Object outer = AWAITING.get();
    AWAITING.set(b);
    int i;
    try {
      i = b.await();
    } finally {
      AWAITING.set(outer);
    }
    received(b, HandoffKind.LATCH, site);
    return i;
  }

  public static int await(CyclicBarrier b, long time, TimeUnit unit, int site)
      throws InterruptedException, BrokenBarrierException, TimeoutException {
    sent(b, HandoffKind.LATCH, site);
    waiting(b);
    Object outer = AWAITING.get();
    AWAITING.set(b);
    int i;
    try {
      i = b.await(time, unit);
    } finally {
      AWAITING.set(outer);
    }
    received(b, HandoffKind.LATCH, site);
    return i;
  }

  /** The start of a phaser's {@code onAdvance}: every party's arrival comes before it. */
  public static void advanceStarts(Object phaser, int site) {
    if (phaser instanceof Phaser p) {
      received(root(p), HandoffKind.LATCH, site);
    }
  }

  /**
   * The end of a phaser's {@code onAdvance} of the program's own ({@code PhaserInstrumentation}),
   * which runs in the party that arrives last, before the phase advances: it sends on the phaser's
   * channel, which the waits for the advance receive.
   */
  public static void advancing(Object phaser, int site) {
    if (phaser instanceof Phaser p) {
      sent(root(p), HandoffKind.LATCH, site);
    }
  }

  public static int arrive(Phaser p, int site) {
    sent(root(p), HandoffKind.LATCH, site);
    return p.arrive();
  }

  public static int arriveAndDeregister(Phaser p, int site) {
    sent(root(p), HandoffKind.LATCH, site);
    return p.arriveAndDeregister();
  }

  /** Waits for the phase it arrives at to advance (or the phaser to terminate): receives. */
  public static int arriveAndAwaitAdvance(Phaser p, int site) {
    Phaser root = root(p);
    sent(root, HandoffKind.LATCH, site);
    waiting(p);
    int next = p.arriveAndAwaitAdvance();
    received(root, HandoffKind.LATCH, site);
    return next;
  }

  public static int awaitAdvance(Phaser p, int phase, int site) {
    waiting(p);
    return advanced(p, phase, p.awaitAdvance(phase), site);
  }

  public static int awaitAdvanceInterruptibly(Phaser p, int phase, int site)
      throws InterruptedException {
    waiting(p);
    return advanced(p, phase, p.awaitAdvanceInterruptibly(phase), site);
  }

  public static int awaitAdvanceInterruptibly(
      Phaser p, int phase, long time, TimeUnit unit, int site)
      throws InterruptedException, TimeoutException {
    waiting(p);
    return advanced(p, phase, p.awaitAdvanceInterruptibly(phase, time, unit), site);
  }

  public static <V> V exchange(Exchanger<V> x, V v, int site) throws InterruptedException {
    sent(x, HandoffKind.LATCH, site);
    waiting(x);
    V got = x.exchange(v);
    received(x, HandoffKind.LATCH, site);
    return got;
  }

  public static <V> V exchange(Exchanger<V> x, V v, long time, TimeUnit unit, int site)
      throws InterruptedException, TimeoutException {
    sent(x, HandoffKind.LATCH, site);
    waiting(x);
    V got = x.exchange(v, time, unit);
    received(x, HandoffKind.LATCH, site);
    return got;
  }

  private static void waiting(Object o) {
    if (scheduledRun) {
      blocking(o);
    }
  }

  private static boolean got(Semaphore s, boolean ok, int site) {
    if (ok) {
      received(s, HandoffKind.LATCH, site);
    }
    return ok;
  }

  /**
   * What a wait for {@code phase} to advance returned: the next phase when it advanced (or had
   * already), which receives, as does a phaser that terminated; any other phase means the phaser
   * was elsewhere and nothing was waited for.
   */
  private static int advanced(Phaser p, int phase, int returned, int site) {
    if ((phase >= 0 && returned == ((phase + 1) & Integer.MAX_VALUE)) || p.isTerminated()) {
      received(root(p), HandoffKind.LATCH, site);
    }
    return returned;
  }

  /**
   * The channel of a phaser: its root, as a tiered phaser's phases advance together (a child
   * advances only when the root does).
   */
  private static Phaser root(Phaser p) {
    Phaser r = p.getRoot();
    return r != null ? r : p;
  }
}
