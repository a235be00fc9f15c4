package io.hbtrace.traces.event;

/** Bytes [pos, pos+len) were copied from the page cache to the user. */
public record CopyOut(long seq, int thread, int site, long ino, long pos, long len)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.COPY_OUT;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> pos;
      case 2 -> len;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onCopyOut(this);
  }
}
