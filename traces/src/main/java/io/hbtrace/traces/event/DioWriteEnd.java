package io.hbtrace.traces.event;

/** A direct-IO write returns to its caller: bytes written, or a negative errno. */
public record DioWriteEnd(long seq, int thread, int site, long ino, long pos, long result)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.DIO_WRITE_END;
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
    handler.onDioWriteEnd(this);
  }
}
