package io.hbtrace.traces.event;

/**
 * A size change by truncation begins; {@code reason}: 0 setattr, 1 failed-write cleanup, 2 crash
 * recovery.
 */
public record TruncateBegin(
    long seq, int thread, int site, long ino, long oldSize, long newSize, int reason)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.TRUNCATE_BEGIN;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> oldSize;
      case 2 -> newSize;
      case 3 -> reason;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onTruncateBegin(this);
  }
}
