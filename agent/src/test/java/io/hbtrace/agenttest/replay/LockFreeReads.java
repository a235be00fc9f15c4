package io.hbtrace.agenttest.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A program whose output depends on lock-free reads racing with other threads' writes: three
 * workers each count themselves in and out of {@link #inFlight} (an atomic) and read the others'
 * progress from {@link #progress} (a volatile) without a lock, then log what they saw under a lock.
 * A replay prints the same only if every read gets the value it got when recorded, which turns
 * alone cannot guarantee: a volatile write is recorded just before it happens and a read just
 * after, so a read recorded after a write may have happened before it.
 *
 * <p>With {@code -Dmonitor=true} the log is kept under a {@code synchronized} block instead of a
 * {@code ReentrantLock}: the replay must then also enter the block in the recorded order.
 */
public final class LockFreeReads {
  private static final AtomicInteger inFlight = new AtomicInteger();
  private static volatile int progress;
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final List<String> LOG = new ArrayList<>();
  private static final boolean MONITOR = Boolean.getBoolean("monitor");

  private LockFreeReads() {}

  public static void main(String[] args) throws InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Workers.run(name -> rounds, LockFreeReads::work);
    System.out.println(String.join(" ", LOG));
  }

  private static void work(String me, int rounds) {
    for (int i = 0; i < rounds; i++) {
      inFlight.incrementAndGet();
      int seen = progress;
      progress = seen + 1;
      long spin = System.nanoTime() + 20_000;
      while (System.nanoTime() < spin) {
        Thread.onSpinWait();
      }
      boolean last = inFlight.decrementAndGet() == 0;
      String entry = me + ":" + seen + (last ? "!" : "");
      if (MONITOR) {
        synchronized (LOG) {
          LOG.add(entry);
        }
      } else {
        LOCK.lock();
        try {
          LOG.add(entry);
        } finally {
          LOCK.unlock();
        }
      }
    }
  }
}
