package io.hbtrace.traces.event;

/**
 * Blocks were allocated for logical blocks [lblk, lblk+count), as unwritten extents if {@code
 * unwritten} is 1, in transaction {@code txn}.
 */
public record BlockAlloc(
    long seq, int thread, int site, long ino, long lblk, long count, int unwritten, long txn)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.BLOCK_ALLOC;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> lblk;
      case 2 -> count;
      case 3 -> unwritten;
      case 4 -> txn;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onBlockAlloc(this);
  }
}
