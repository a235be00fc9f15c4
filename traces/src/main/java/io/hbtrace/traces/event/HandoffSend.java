package io.hbtrace.traces.event;

/**
 * Release side of a hand-off through {@code channel} (executor submit, future completion, latch
 * count-down, notify, unpark); see {@link Handoff}.
 */
public record HandoffSend(long seq, int thread, int site, long channel, int how) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.HANDOFF_SEND;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> channel;
      case 1 -> how;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onHandoffSend(this);
  }
}
