package io.hbtrace.traces.event;

/**
 * A direct-IO write begins, after its checks (ext4_dio_write_iter): {@code flags} see {@link
 * DioFlags}; {@code sizeBefore} is i_size when it began.
 */
public record DioWriteBegin(
    long seq, int thread, int site, long ino, long pos, long count, int flags, long sizeBefore)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.DIO_WRITE_BEGIN;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> pos;
      case 2 -> count;
      case 3 -> flags;
      case 4 -> sizeBefore;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onDioWriteBegin(this);
  }
}
