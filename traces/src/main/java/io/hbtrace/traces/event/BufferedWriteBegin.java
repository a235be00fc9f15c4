package io.hbtrace.traces.event;

/** A buffered write begins (including a direct write's buffered fallback). */
public record BufferedWriteBegin(long seq, int thread, int site, long ino, long pos, long count)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.BUFFERED_WRITE_BEGIN;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> pos;
      case 2 -> count;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onBufferedWriteBegin(this);
  }
}
