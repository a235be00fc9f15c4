package io.hbtrace.agenttest;

/** Calls a method holding a synchronized block often enough for the JIT to compile it. */
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
    for (int i = 0; i < 200_000; i++) {
      s += h.bump();
    }
    System.out.println(s > 0 ? "ok" : "?");
  }
}
