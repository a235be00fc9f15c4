package io.hbtrace.traces.event;

/** A preallocation of [pos, pos+len) returned. */
public record Fallocate(long seq, int thread, int site, long ino, long pos, long len, long result)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.FALLOCATE;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> pos;
      case 2 -> len;
      case 3 -> result;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onFallocate(this);
  }
}
