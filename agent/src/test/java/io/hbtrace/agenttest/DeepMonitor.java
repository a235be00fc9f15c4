package io.hbtrace.agenttest;

/**
 * Recurses through a {@code synchronized} block until the stack overflows, catches the error, 20
 * times on a thread with a 512 KiB stack; then another thread takes the monitor. Prints {@code
 * caught 20}. The audit's program: under the agent, before the exit hook in javac's release handler
 * had a guard of its own, the thread spun there forever.
 */
public final class DeepMonitor {
  private static final Object LOCK = new Object();
  private static int afterwards;

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
    return Overflows.twenty(
        () -> deeper(0),
        () -> {
          synchronized (LOCK) {
            afterwards++;
          }
        });
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println("caught " + overflows());
  }
}
