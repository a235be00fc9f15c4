package io.hbtrace.agenttest.generated;

/**
 * A class whose field's type a test hides from the agent's type pool (as an optional dependency
 * missing from the class path would be): a capture through that field is read at run time, and the
 * rest of the class is instrumented.
 */
public final class Holder {
  Extra extra = new Extra();

  long work(long x) {
    return x + 1;
  }

  public static long run() {
    Holder h = new Holder();
    synchronized (h) {
      return h.work(4);
    }
  }
}
