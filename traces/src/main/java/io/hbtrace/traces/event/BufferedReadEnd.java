package io.hbtrace.traces.event;

/** A buffered read returns: bytes copied, or a negative errno. */
public record BufferedReadEnd(long seq, int thread, int site, long ino, long pos, long result)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.BUFFERED_READ_END;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> pos;
      case 2 -> result;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onBufferedReadEnd(this);
  }
}
