package io.hbtrace.traces.event;

/**
 * Acquire side of a hand-off through {@code channel} (task run, future get, latch await, wait
 * return, park return); see {@link Handoff}.
 */
public record HandoffReceive(long seq, int thread, int site, long channel, int how)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.HANDOFF_RECEIVE;
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
    handler.onHandoffReceive(this);
  }
}
