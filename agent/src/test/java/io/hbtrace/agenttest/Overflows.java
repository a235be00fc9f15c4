package io.hbtrace.agenttest;

/** Runs a recursion until the stack overflows, 20 times, then another thread's step after it. */
final class Overflows {
  private Overflows() {}

  /**
   * Runs {@code recursion} 20 times on a thread with a 512 KiB stack, catching the overflow each
   * time, then {@code after} on another thread; returns the overflows caught (20), or -1 if either
   * thread did not finish in time (a thread spinning, a monitor left held).
   */
  static int twenty(Runnable recursion, Runnable after) throws InterruptedException {
    int[] caught = new int[1];
    Thread deep =
        new Thread(
            null,
            () -> {
              for (int i = 0; i < 20; i++) {
                try {
                  recursion.run();
                } catch (StackOverflowError e) {
                  caught[0]++;
                }
              }
            },
            "deep",
            512 * 1024);
    deep.setDaemon(true); // a thread that spins must not keep the JVM alive
    deep.start();
    deep.join(60_000);
    if (deep.isAlive()) {
      return -1;
    }
    Thread other = new Thread(after, "other");
    other.setDaemon(true);
    other.start();
    other.join(10_000);
    return other.isAlive() ? -1 : caught[0];
  }
}
