package io.hbtrace.traces.event;

/** The in-memory size (i_size) was published. */
public record SizeUpdate(long seq, int thread, int site, long ino, long oldSize, long newSize)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.SIZE_UPDATE;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> oldSize;
      case 2 -> newSize;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onSizeUpdate(this);
  }
}
