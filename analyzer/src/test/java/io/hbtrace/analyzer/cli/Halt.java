package io.hbtrace.analyzer.cli;

/**
 * Ends its JVM with exit code 137 as SIGKILL would look to its parent (halted: no shutdown hooks,
 * so the trace has no end), or with {@code exit} as its argument by {@code System.exit(137)}
 * (shutdown hooks run: the trace ends).
 */
public final class Halt {
  private Halt() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("exit")) {
      System.exit(137);
    }
    Runtime.getRuntime().halt(137);
  }
}
