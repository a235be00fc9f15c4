package io.hbtrace.traces;

/**
 * The recorder's own threads (the trace's flusher, the agent's housekeeping) are daemons in the
 * JVM's root thread group, not in the group of the program thread that happened to start them: a
 * program that counts its threads ({@code Thread.activeCount()}, {@code ThreadGroup.enumerate}) or
 * waits for the count to drop does not see them.
 */
public final class BackgroundThread {
  private BackgroundThread() {}

  /** An unstarted daemon thread named {@code name} running {@code body}, in the root group. */
  public static Thread of(Runnable body, String name) {
    ThreadGroup g = Thread.currentThread().getThreadGroup();
    while (g.getParent() != null) {
      g = g.getParent();
    }
    Thread t = new Thread(g, body, name);
    t.setDaemon(true);
    return t;
  }
}
