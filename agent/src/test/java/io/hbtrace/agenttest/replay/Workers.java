package io.hbtrace.agenttest.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.ToIntFunction;

/** The replay test programs' three workers, {@code w0..w2}, released together. */
final class Workers {
  /** What a worker does, given its name and its number of rounds. */
  interface Work {
    void run(String name, int rounds);
  }

  private Workers() {}

  /**
   * Starts the workers, each doing {@code work} for its number of {@code rounds}, lets them go at
   * once, and returns when all have ended.
   */
  static void run(ToIntFunction<String> rounds, Work work) throws InterruptedException {
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> workers = new ArrayList<>();
    for (String name : List.of("w0", "w1", "w2")) {
      int n = rounds.applyAsInt(name);
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                work.run(name, n);
              },
              name);
      workers.add(t);
      t.start();
    }
    go.countDown();
    for (Thread t : workers) {
      t.join();
    }
  }
}
