package io.hbtrace.traces.event;

/** The on-disk size (i_disksize) changed, made durable by transaction {@code txn}. */
public record DisksizeUpdate(
    long seq, int thread, int site, long ino, long oldSize, long newSize, long txn)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.DISKSIZE_UPDATE;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> oldSize;
      case 2 -> newSize;
      case 3 -> txn;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onDisksizeUpdate(this);
  }
}
