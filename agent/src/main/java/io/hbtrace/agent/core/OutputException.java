package io.hbtrace.agent.core;

/** The trace output cannot be created; the message is one line naming the directory and why. */
final class OutputException extends Exception {
  private static final long serialVersionUID = 1L;

  OutputException(String message) {
    super(message);
  }
}
