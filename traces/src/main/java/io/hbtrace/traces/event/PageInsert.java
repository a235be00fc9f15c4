package io.hbtrace.traces.event;

/** A new page was inserted into the cache, locked, on a read miss. */
public record PageInsert(long seq, int thread, int site, long ino, long index) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.PAGE_INSERT;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> index;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onPageInsert(this);
  }
}
