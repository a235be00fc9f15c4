package io.hbtrace.analyzer.cli;

/** A JVM for {@code attach} to load the agent into: says it is ready, then waits to be killed. */
public final class AttachTarget {
  private AttachTarget() {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(120_000);
  }
}
