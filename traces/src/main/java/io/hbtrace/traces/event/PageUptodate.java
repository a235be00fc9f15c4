package io.hbtrace.traces.event;

/** The page was marked uptodate. */
public record PageUptodate(long seq, int thread, int site, long ino, long index) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.PAGE_UPTODATE;
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
    handler.onPageUptodate(this);
  }
}
