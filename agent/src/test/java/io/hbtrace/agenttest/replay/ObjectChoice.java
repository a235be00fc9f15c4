package io.hbtrace.agenttest.replay;

/**
 * A program whose events are the same kinds at the same sites whichever object it picks: it enters
 * each of two monitors in turn, then the one {@code -Dpick=N} names (0 or 1) once more, and prints
 * which. A replay of a run that picked the other must diverge on the object, not follow.
 */
public final class ObjectChoice {
  private static int entries;

  private ObjectChoice() {}

  public static void main(String[] args) {
    Object[] monitors = {new Object(), new Object()};
    int pick = Integer.getInteger("pick", 0);
    for (Object m : monitors) {
      synchronized (m) {
        entries++;
      }
    }
    synchronized (monitors[pick]) {
      entries++;
    }
    System.out.println("entered " + entries + " times, the last in monitor " + pick);
  }
}
