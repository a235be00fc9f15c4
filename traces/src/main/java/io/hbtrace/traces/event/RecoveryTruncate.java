package io.hbtrace.traces.event;

/** Crash recovery truncated an orphan back to its on-disk size. */
public record RecoveryTruncate(
    long seq, int thread, int site, long ino, long diskSize, long blocksFreed) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.RECOVERY_TRUNCATE;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> diskSize;
      case 2 -> blocksFreed;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onRecoveryTruncate(this);
  }
}
