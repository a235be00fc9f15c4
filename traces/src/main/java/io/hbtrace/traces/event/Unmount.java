package io.hbtrace.traces.event;

/**
 * The filesystem was unmounted; {@code orphansLeft} entries were still on the in-memory orphan
 * list.
 */
public record Unmount(long seq, int thread, int site, long fs, int orphansLeft) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.UNMOUNT;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> fs;
      case 1 -> orphansLeft;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onUnmount(this);
  }
}
