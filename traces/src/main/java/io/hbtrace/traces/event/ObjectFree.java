package io.hbtrace.traces.event;

/** The object was garbage collected; its identity is never used again. */
public record ObjectFree(long seq, int thread, int site, long object) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.OBJECT_FREE;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> object;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onObjectFree(this);
  }
}
