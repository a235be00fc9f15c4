package io.hbtrace.traces.event;

/** readpage filled block {@code block} of page {@code index}; {@code source} see {@link Fill}. */
public record BlockFill(long seq, int thread, int site, long ino, long index, int block, int source)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.BLOCK_FILL;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> index;
      case 2 -> block;
      case 3 -> source;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onBlockFill(this);
  }
}
