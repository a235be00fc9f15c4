package io.hbtrace.agent.bridge;

/**
 * Lets code outside the agent (the JUnit extension) steer the recording without linking the agent:
 * it is found on the bootstrap class path by name, and does nothing when no agent is recording.
 */
public final class TraceControl {

  /** What the recorder provides. */
  public interface Handler {
    /** Closes the current trace and records what follows into a new one named {@code name}. */
    String begin(String name);
  }

  private static volatile Handler handler;

  private TraceControl() {}

  public static void install(Handler h) {
    handler = h;
  }

  /**
   * Starts a new trace named {@code name} for everything recorded from now on; returns its
   * directory, or {@code null} when nothing is recording (or the switch failed; never throws).
   */
  public static String begin(String name) {
    Handler h = handler;
    if (h == null) {
      return null;
    }
    try {
      return h.begin(name);
    } catch (Throwable t) {
      return null;
    }
  }
}
