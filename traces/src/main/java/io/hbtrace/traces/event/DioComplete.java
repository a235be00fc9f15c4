package io.hbtrace.traces.event;

/** iomap_dio_complete finished: end_io, post-IO invalidation and inode_dio_end are done. */
public record DioComplete(long seq, int thread, int site, long ino, long pos, long result)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.DIO_COMPLETE;
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
    handler.onDioComplete(this);
  }
}
