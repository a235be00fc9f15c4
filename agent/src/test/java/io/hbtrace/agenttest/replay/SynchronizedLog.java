package io.hbtrace.agenttest.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link Interleavings} with a {@code synchronized} method for its lock: three workers append their
 * names to a log through it, in turns of their own choosing; main prints the log. Replayed, the
 * method must be entered in the recorded order, although the JVM takes its monitor before the
 * method's first instruction.
 */
public final class SynchronizedLog {
  private static final List<String> LOG = new ArrayList<>();

  private SynchronizedLog() {}

  public static void main(String[] args) throws InterruptedException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Workers.run(name -> rounds, SynchronizedLog::work);
    System.out.println(String.join(" ", LOG));
  }

  private static void work(String me, int rounds) {
    for (int i = 0; i < rounds; i++) {
      long spin = System.nanoTime() + 50_000;
      while (System.nanoTime() < spin) {
        Thread.onSpinWait(); // outside the monitor, so the others get it meanwhile
      }
      append(me);
    }
  }

  private static synchronized void append(String me) {
    LOG.add(me);
  }
}
