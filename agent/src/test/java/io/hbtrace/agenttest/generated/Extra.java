package io.hbtrace.agenttest.generated;

/** The type of {@link Holder}'s field that a test hides from the agent's type pool. */
final class Extra {
  long v = 9;
}
