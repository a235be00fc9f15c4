package io.hbtrace.traces.event;

/** fsck checked the crash-consistency invariant and found {@code violations}. */
public record Fsck(long seq, int thread, int site, long fs, int violations) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.FSCK;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> fs;
      case 1 -> violations;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onFsck(this);
  }
}
