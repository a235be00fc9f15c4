package io.hbtrace.traces.event;

/** A truncation finished. */
public record TruncateEnd(long seq, int thread, int site, long ino, long newSize) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.TRUNCATE_END;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> newSize;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onTruncateEnd(this);
  }
}
