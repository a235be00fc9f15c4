package io.hbtrace.traces.event;

/** A page was dirtied by a buffered write. */
public record PageDirty(long seq, int thread, int site, long ino, long index) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.PAGE_DIRTY;
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
    handler.onPageDirty(this);
  }
}
