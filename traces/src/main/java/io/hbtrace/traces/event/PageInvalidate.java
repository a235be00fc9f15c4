package io.hbtrace.traces.event;

/**
 * An invalidation passed page {@code index}; {@code phase} and {@code outcome} see {@link
 * Invalidation}.
 */
public record PageInvalidate(
    long seq, int thread, int site, long ino, long index, int phase, int outcome) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.PAGE_INVALIDATE;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> index;
      case 2 -> phase;
      case 3 -> outcome;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onPageInvalidate(this);
  }
}
