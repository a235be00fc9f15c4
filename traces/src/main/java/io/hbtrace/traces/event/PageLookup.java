package io.hbtrace.traces.event;

/** A page-cache lookup for a read: {@code hit} 1 if an uptodate-or-locked page was found. */
public record PageLookup(long seq, int thread, int site, long ino, long index, int hit)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.PAGE_LOOKUP;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> index;
      case 2 -> hit;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onPageLookup(this);
  }
}
