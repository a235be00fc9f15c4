package io.hbtrace.agent.record;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Problems met while recording (a hook that failed, a capture that cannot be read): counted always,
 * each distinct message printed once on stderr when verbose.
 */
public final class Problems {
  private static final int MAX_DISTINCT = 100;
  private final boolean verbose;
  private final PrintStream err;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private final AtomicLong count = new AtomicLong();

  public Problems(boolean verbose, PrintStream err) {
    this.verbose = verbose;
    this.err = err;
  }

  public void once(String message) {
    note(message, verbose);
  }

  public long count() {
    return count.get();
  }

  public boolean verbose() {
    return verbose;
  }

  /**
   * A mistake of the user's (a spec line found wrong only when its method loaded): counted, and
   * printed once on stderr whether verbose or not.
   */
  public void warn(String message) {
    note(message, true);
  }

  /** Counts a problem, and prints it if {@code print} and it was not printed before. */
  private void note(String message, boolean print) {
    count.incrementAndGet();
    if (print && seen.size() < MAX_DISTINCT && seen.add(message)) {
      err.println("hbtrace-agent: " + message);
    }
  }

  public void info(String message) {
    if (verbose) {
      err.println("hbtrace-agent: " + message);
    }
  }
}
