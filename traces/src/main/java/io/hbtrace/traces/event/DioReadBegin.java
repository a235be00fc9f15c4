package io.hbtrace.traces.event;

/** A direct-IO read begins. */
public record DioReadBegin(long seq, int thread, int site, long ino, long pos, long count)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.DIO_READ_BEGIN;
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
    handler.onDioReadBegin(this);
  }
}
