package io.hbtrace.agenttest.loaded;

/** A class with a {@code synchronized} block, loaded through the loaders of {@link Loaders}. */
public final class Worker implements Runnable {
  private static final Object LOCK = new Object();
  private static int runs;

  @Override
  public void run() {
    synchronized (LOCK) {
      runs++;
    }
    System.out.println("worker ran " + runs);
  }
}
