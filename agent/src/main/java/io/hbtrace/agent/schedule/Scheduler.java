package io.hbtrace.agent.schedule;

/**
 * Decides when the calling thread may record its next event. Every method is called on the thread
 * whose event it is, from inside a hook (so never re-entrantly), and must not throw.
 */
public interface Scheduler {

  /**
   * Ends the calling thread's current turn, if it has one, and blocks until it may record an event
   * of {@code kind} at {@code site} (a live site id of the output) with fields {@code f0..f5}. The
   * thread then holds the turn, and runs alone, until it comes back here, yields, or stops.
   */
  void awaitTurn(int kind, int site, long f0, long f1, long f2, long f3, long f4, long f5);

  /**
   * The calling thread is about to block on {@code on} (the thread it joins, a condition, ...; may
   * be null) until another thread acts: ends its turn.
   */
  void yieldTurn(Object on);

  /**
   * Before an operation whose event is recorded after it: a lock acquire or a monitor entry, which
   * may block until another thread acts, or the update of an atomic read-modify-write, whose read
   * is recorded after it (with the value it replaced). Takes the thread's turn for that event now,
   * if it is the thread's next one, so that the operation runs in its recorded place. The event's
   * own {@link #awaitTurn} then keeps that turn. Returns whether to attempt the operation: false
   * when the scheduler knows the event is not to come here (a {@code tryLock} that failed when
   * recorded, which the hook then fails without trying; a blocking operation goes ahead).
   */
  boolean awaitTurnBefore(int kind, int site);

  /**
   * The value that the read whose turn the calling thread now holds (a named volatile field or
   * atomic, {@code actual} being what it got) is to give the program: by default {@code actual}.
   */
  default long readValue(long actual) {
    return actual;
  }

  /** A site id of the output was defined (ids are dense from 1, defined before use). */
  void siteDefined(int site, String className, String method, int line);

  /**
   * An event of the calling thread names thread {@code t} (it is about to start it, or joined it):
   * the scheduler learns of a thread before its first event.
   */
  default void threadSeen(Thread t) {}

  /** The program is exiting: write down how the scheduled run went. */
  void finish();
}
