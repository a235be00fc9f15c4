package io.hbtrace.agenttest;

/**
 * Calls a method holding a synchronized block often enough for the JIT to compile it: at least
 * 200,000 times and for at least a second, so that on a loaded machine the compile queue (busy with
 * the agent's own start-up work) reaches it before the program ends.
 */
public final class HotMonitor {
  private final Object monitor = new Object();
  private long n;

  private HotMonitor() {}

  long bump() {
    synchronized (monitor) {
      return ++n;
    }
  }

  public static void main(String[] args) {
    HotMonitor h = new HotMonitor();
    long s = 0;
    long end = System.nanoTime() + 1_000_000_000L;
    for (int i = 0; i < 200_000 || System.nanoTime() - end < 0; i++) {
      s += h.bump();
    }
    System.out.println(s > 0 ? "ok" : "?");
  }
}
