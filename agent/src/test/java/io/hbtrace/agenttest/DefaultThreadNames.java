package io.hbtrace.agenttest;

/** Prints the default names of the first two threads it makes ({@code Thread-0 Thread-1}). */
public final class DefaultThreadNames {
  private DefaultThreadNames() {}

  public static void main(String[] args) {
    System.out.println(new Thread(() -> {}).getName() + " " + new Thread(() -> {}).getName());
  }
}
