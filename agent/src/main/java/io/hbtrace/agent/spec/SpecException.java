package io.hbtrace.agent.spec;

/**
 * A spec that cannot be used; the message is one line naming the file, the line and the problem.
 */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }
}
