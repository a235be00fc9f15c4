package io.hbtrace.traces.event;

/**
 * A lock is about to be released (recorded before the release). {@code mode} as for {@link
 * LockAcquire}.
 */
public record LockRelease(long seq, int thread, int site, long lock, int mode) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.LOCK_RELEASE;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> lock;
      case 1 -> mode;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onLockRelease(this);
  }
}
