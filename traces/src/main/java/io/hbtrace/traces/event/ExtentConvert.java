package io.hbtrace.traces.event;

/** Unwritten extents were converted to written in transaction {@code txn}. */
public record ExtentConvert(
    long seq, int thread, int site, long ino, long lblk, long count, long txn) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.EXTENT_CONVERT;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> lblk;
      case 2 -> count;
      case 3 -> txn;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onExtentConvert(this);
  }
}
