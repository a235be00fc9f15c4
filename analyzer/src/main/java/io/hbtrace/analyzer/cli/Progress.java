package io.hbtrace.analyzer.cli;

import java.io.PrintWriter;

/**
 * A progress line on stderr for long traces, only when a person is watching (a console is
 * attached), rewritten in place and cleared at the end.
 */
final class Progress {
  private static final long EVERY = 1 << 20;
  private final PrintWriter err;
  private final boolean enabled;
  private long next = EVERY;
  private final long startNanos = System.nanoTime();

  Progress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  static Progress forTerminal(PrintWriter err) {
    return new Progress(err, System.console() != null);
  }

  void update(long events) {
    if (enabled && events >= next) {
      next += EVERY;
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      err.printf("\r  %,d events (%.1f M/s) ", events, events / 1e6 / Math.max(seconds, 1e-3));
      err.flush();
    }
  }

  void done() {
    if (enabled && next > EVERY) {
      err.print("\r" + " ".repeat(48) + "\r");
      err.flush();
    }
  }
}
