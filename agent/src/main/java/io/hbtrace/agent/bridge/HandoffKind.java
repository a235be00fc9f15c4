package io.hbtrace.agent.bridge;

/**
 * The {@code how} codes of hand-off events, as in {@code io.hbtrace.traces.event.Handoff} (copied:
 * the bridge depends on java.base only; a test checks they agree).
 */
public final class HandoffKind {
  public static final int EXECUTOR = 1;
  public static final int FUTURE = 2;
  public static final int LATCH = 3;
  public static final int NOTIFY = 4;
  public static final int PARK = 5;
  public static final int ELEMENT = 7;

  private HandoffKind() {}
}
