package io.hbtrace.traces.event;

/** The copy to the user re-read i_size to clamp the copy at {@code pos}. */
public record SizeClamp(long seq, int thread, int site, long ino, long pos, long size)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.SIZE_CLAMP;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> pos;
      case 2 -> size;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onSizeClamp(this);
  }
}
