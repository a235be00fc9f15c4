package io.hbtrace.traces.event;

/** File bytes [pos, pos+len) were written to the device. */
public record DiskWrite(long seq, int thread, int site, long ino, long pos, long len)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.DISK_WRITE;
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
    handler.onDiskWrite(this);
  }
}
