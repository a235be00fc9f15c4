package io.hbtrace.agenttest;

import java.lang.reflect.Modifier;

/**
 * {@code synchronized} methods of every return kind, left by a return, by an exception and by
 * recursion, each saying whether its thread held the monitor inside: the programs of the test that
 * a scheduled run turns them into synchronized blocks on the same monitors.
 */
public final class SynchronizedMethods {
  private long total;

  private synchronized long add(long n) {
    total += n;
    return Thread.holdsLock(this) ? total : -1;
  }

  private synchronized double half() {
    return Thread.holdsLock(this) ? total / 2.0 : -1;
  }

  private synchronized void fail() {
    if (Thread.holdsLock(this)) {
      throw new IllegalStateException("inside");
    }
  }

  private synchronized int depth(int n) {
    return !Thread.holdsLock(this) ? -100 : n == 0 ? 0 : 1 + depth(n - 1);
  }

  private synchronized String caught() {
    try {
      throw new IllegalArgumentException("caught inside");
    } catch (IllegalArgumentException e) {
      return Thread.holdsLock(this) ? e.getMessage() : "not held";
    }
  }

  private static synchronized boolean holdsClass() {
    return Thread.holdsLock(SynchronizedMethods.class);
  }

  private static synchronized int deeper(int n) {
    return deeper(n + 1) + 1;
  }

  /**
   * Recurses through a static {@code synchronized} method until the stack overflows, 20 times on a
   * thread with a 512 KiB stack; then another thread enters it. Returns the overflows caught (20),
   * or -1 if a thread did not finish or the monitor stayed held.
   */
  public static int overflows() throws InterruptedException {
    return Overflows.twenty(() -> deeper(0), SynchronizedMethods::holdsClass);
  }

  /**
   * Runs each method once: {@code add add half fail depth caught holdsClass}, then whether the
   * monitors are free again and whether {@code add} is still {@code synchronized} to reflection.
   */
  public static String run() throws Exception {
    SynchronizedMethods m = new SynchronizedMethods();
    StringBuilder out = new StringBuilder();
    out.append(m.add(3)).append(' ').append(m.add(4)).append(' ').append(m.half());
    try {
      m.fail();
      out.append(" no exception");
    } catch (IllegalStateException e) {
      out.append(' ').append(e.getMessage());
    }
    out.append(' ').append(m.depth(3)).append(' ').append(m.caught());
    out.append(' ').append(holdsClass());
    out.append(" free=")
        .append(!Thread.holdsLock(m) && !Thread.holdsLock(SynchronizedMethods.class));
    boolean modifier =
        Modifier.isSynchronized(
            SynchronizedMethods.class.getDeclaredMethod("add", long.class).getModifiers());
    return out.append(" synchronized=").append(modifier).toString();
  }
}
