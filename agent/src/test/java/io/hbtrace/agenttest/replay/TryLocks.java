package io.hbtrace.agenttest.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link Interleavings} with a {@code tryLock} every third round: a worker whose try fails logs
 * nothing that round. A failed try is not recorded, so a replay must make the same tries fail
 * again, although the lock may be free when the replayed try comes.
 */
public final class TryLocks {
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final List<String> LOG = new ArrayList<>();

  private TryLocks() {}

  public static void main(String[] args) throws InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Workers.run(name -> rounds, TryLocks::work);
    System.out.println(String.join(" ", LOG));
  }

  private static void work(String me, int rounds) {
    for (int i = 0; i < rounds; i++) {
      long spin = System.nanoTime() + 20_000;
      while (System.nanoTime() < spin) {
        Thread.onSpinWait();
      }
      if (i % 3 == 0) {
        if (LOCK.tryLock()) {
          try {
            LOG.add(me.toUpperCase());
          } finally {
            LOCK.unlock();
          }
        }
      } else {
        LOCK.lock();
        try {
          LOG.add(me);
        } finally {
          LOCK.unlock();
        }
      }
    }
  }
}
