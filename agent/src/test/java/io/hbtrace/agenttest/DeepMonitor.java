package io.hbtrace.agenttest;

/**
 * Recurses through a {@code synchronized} block until the stack overflows, catches the error, 20
 * times on a thread with a 512 KiB stack; then another thread takes the monitor. Prints {@code
 * caught 20}.
 */
public final class DeepMonitor {
  private static final Object LOCK = new Object();

  private DeepMonitor() {}

  private static int deeper(int n) {
    synchronized (LOCK) {
      return deeper(n + 1) + 1;
    }
  }

  public static void main(String[] args) throws InterruptedException {
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
    deep.start();
    deep.join();
    Thread other =
        new Thread(
            () -> {
              synchronized (LOCK) {
                caught[0] += 0;
              }
            },
            "other");
    other.start();
    other.join();
    System.out.println("caught " + caught[0]);
  }
}
