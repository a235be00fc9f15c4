package io.hbtrace.agent.core;

/** A bad agent option; the message is one line naming the option and the problem. */
public final class OptionsException extends Exception {
  private static final long serialVersionUID = 1L;

  public OptionsException(String message) {
    super(message);
  }
}
