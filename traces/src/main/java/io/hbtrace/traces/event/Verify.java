package io.hbtrace.traces.event;

/**
 * The workload compared what it read with what it wrote; {@code badOffset} is -1 when they matched,
 * else the file offset of the first wrong byte.
 */
public record Verify(
    long seq,
    int thread,
    int site,
    long ino,
    long pos,
    long len,
    long badOffset,
    int expected,
    int actual)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.VERIFY;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> pos;
      case 2 -> len;
      case 3 -> badOffset;
      case 4 -> expected;
      case 5 -> actual;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onVerify(this);
  }
}
