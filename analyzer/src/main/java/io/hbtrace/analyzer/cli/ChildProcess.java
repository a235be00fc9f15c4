package io.hbtrace.analyzer.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A program the CLI runs (record, replay, explore) that does not outlive it: if the CLI is stopped
 * (SIGTERM, SIGINT, Ctrl-C at a terminal that signals only the CLI) while the program runs, the
 * program is stopped too, as gently as the JVM allows (SIGTERM, so the agent in it ends its trace),
 * then killed after 10 s. Otherwise it ran on unrecorded-for, writing a trace no one waited for.
 */
final class ChildProcess implements AutoCloseable {
  private final Process process;
  private final Thread stopper;

  private ChildProcess(Process process) {
    this.process = process;
    this.stopper = new Thread(this::stop, "hbtrace-stop-child");
  }

  static ChildProcess start(ProcessBuilder pb) throws IOException {
    giveBackToolOptions(pb.environment());
    ChildProcess c = new ChildProcess(pb.start());
    Runtime.getRuntime().addShutdownHook(c.stopper);
    return c;
  }

  /**
   * The launcher keeps the user's {@code JAVA_TOOL_OPTIONS} from the CLI's own JVM (an agent in
   * them would record hbtrace itself) as {@code HBTRACE_JAVA_TOOL_OPTIONS}: the program gets them.
   */
  static void giveBackToolOptions(java.util.Map<String, String> env) {
    String kept = env.remove(KEPT_TOOL_OPTIONS);
    if (kept != null) {
      env.put("JAVA_TOOL_OPTIONS", kept);
    }
  }

  static final String KEPT_TOOL_OPTIONS = "HBTRACE_JAVA_TOOL_OPTIONS";

  Process process() {
    return process;
  }

  private void stop() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
    }
  }

  /** The program has ended, or the CLI gives up on it: it is no longer the CLI's to stop. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopper);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs
    }
  }
}
