package io.hbtrace.traces.event;

/** The device completed a direct IO (bio end_io), on whichever thread completed it. */
public record IoComplete(long seq, int thread, int site, long ino, long pos, long result)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.IO_COMPLETE;
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
    handler.onIoComplete(this);
  }
}
