package io.hbtrace.traces.event;

/** An fsync of the inode returned. */
public record Fsync(long seq, int thread, int site, long ino, long result) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.FSYNC;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> result;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onFsync(this);
  }
}
