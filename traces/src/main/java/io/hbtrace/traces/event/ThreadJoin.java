package io.hbtrace.traces.event;

/** A join on {@code child} returned and the child had terminated. */
public record ThreadJoin(long seq, int thread, int site, int child) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.THREAD_JOIN;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> child;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onThreadJoin(this);
  }
}
