package io.hbtrace.agenttest;

/**
 * Recurses through a {@code synchronized} block until the stack overflows, catches the error, 20
 * times on a thread with a 512 KiB stack; then another thread takes the monitor. Prints {@code
 * caught 20}. The audit's program: under the agent, before the exit hook in javac's release handler
 * had a guard of its own, the thread spun there forever.
 */
public final class DeepMonitor {
  private static final Object LOCK = new Object();

  private DeepMonitor() {}

  private static int deeper(int n) {
    synchronized (LOCK) {
      return deeper(n + 1) + 1;
    }
  }

  /**
   * Overflows 20 times on a thread of its own; returns how many overflows were caught (20), or -1
   * if the thread did not finish within a minute or the monitor stayed held after it.
   */
  public static int overflows() throws InterruptedException {
    int[] caught = new int[1];
    Thread deep =
        new Thread(
            null,
            () -> {
              for (int i = 0; i < 20; i++) {
                try {
                  deeper(0);
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
    Thread other =
        new Thread(
            () -> {
              synchronized (LOCK) {
                caught[0] += 0;
              }
            },
            "other");
    other.setDaemon(true);
    other.start();
    other.join(10_000);
    return other.isAlive() ? -1 : caught[0];
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println("caught " + overflows());
  }
}
