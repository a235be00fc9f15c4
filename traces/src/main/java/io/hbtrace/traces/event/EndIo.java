package io.hbtrace.traces.event;

/** The filesystem's direct-IO end_io callback runs for [pos, pos+size). */
public record EndIo(long seq, int thread, int site, long ino, long pos, long size, int error)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.END_IO;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> pos;
      case 2 -> size;
      case 3 -> error;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onEndIo(this);
  }
}
