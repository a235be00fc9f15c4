package io.hbtrace.traces.event;

/** A filesystem instance was mounted; inode numbers are scoped to it until its unmount. */
public record Mount(long seq, int thread, int site, long fs, int blockSize, int pageSize)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.MOUNT;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> fs;
      case 1 -> blockSize;
      case 2 -> pageSize;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onMount(this);
  }
}
