package io.hbtrace.traces.event;

/**
 * Values of the {@code how} field of {@link HandoffSend} and {@link HandoffReceive}. Whatever the
 * mechanism, the meaning is the same: everything before the send happens-before everything after a
 * receive on the same channel that saw it.
 */
public final class Handoff {
  /**
   * Executor: submit/execute (send) to the task starting to run (receive); also a {@code
   * BlockingQueue}'s put/offer/add (send) to the take/poll that gets the element (receive), since
   * what a thread does with an element it took is, to the analysis, a task like an executor's.
   */
  public static final int EXECUTOR = 1;

  /** Future: completion (send) to get/join returning (receive). */
  public static final int FUTURE = 2;

  /**
   * CountDownLatch: countDown (send) to await returning (receive); the agent records a Semaphore's
   * release → acquire, a CyclicBarrier's or Phaser's arrival → the wait that saw it trip or
   * advance, and an Exchanger's exchange → exchange the same way.
   */
  public static final int LATCH = 3;

  /** Object monitor: notify/notifyAll (send) to wait returning (receive). */
  public static final int NOTIFY = 4;

  /** LockSupport: unpark of a thread (send) to park returning in it (receive). */
  public static final int PARK = 5;

  /**
   * A domain-level completion named by a tracepoint spec (e.g. a DIO completion waking its
   * submitter).
   */
  public static final int COMPLETION = 6;

  /**
   * An element of a thread-safe collection: placing it (send) to taking or reading it back
   * (receive). Its channel is the element's own but apart from the element's other hand-offs (a
   * future kept in a map: its put is not its completion). Since format 1.1.
   */
  public static final int ELEMENT = 7;

  private Handoff() {}

  public static String name(int how) {
    return switch (how) {
      case EXECUTOR -> "executor";
      case FUTURE -> "future";
      case LATCH -> "latch";
      case NOTIFY -> "notify";
      case PARK -> "park";
      case COMPLETION -> "completion";
      case ELEMENT -> "element";
      default -> "handoff" + how;
    };
  }
}
