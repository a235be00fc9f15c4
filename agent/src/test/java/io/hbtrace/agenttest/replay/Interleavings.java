package io.hbtrace.agenttest.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A program whose output is the interleaving it ran: three workers, started together, take a lock
 * in turns of their own choosing (no order is forced), append their name to a shared log, and now
 * and then hand a token to whoever waits for it; main prints the log. Two runs print the same only
 * if their threads took the lock in the same order, which is what a replay must reproduce.
 *
 * <p>With {@code -Dextra=NAME}, worker NAME takes the lock once more than the recorded program did:
 * a replay of a run without it must diverge.
 */
public final class Interleavings {
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final Condition TOKEN = LOCK.newCondition();
  private static final List<String> LOG = new ArrayList<>();
  private static int tokens;

  private Interleavings() {}

  public static void main(String[] args) throws InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    String extra = System.getProperty("extra", "");
    Workers.run(name -> rounds + (name.equals(extra) ? 1 : 0), Interleavings::work);
    System.out.println(String.join(" ", LOG));
  }

  private static void work(String me, int rounds) {
    for (int i = 0; i < rounds; i++) {
      long spin = System.nanoTime() + 50_000;
      while (System.nanoTime() < spin) {
        Thread.onSpinWait(); // work outside the lock, so the others get it meanwhile
      }
      LOCK.lock();
      try {
        LOG.add(me);
        if (i % 50 == 25) {
          tokens++;
          TOKEN.signalAll();
        } else if (i % 50 == 30) {
          while (tokens == 0) {
            TOKEN.awaitUninterruptibly();
          }
          tokens--;
        }
      } finally {
        LOCK.unlock();
      }
    }
  }
}
