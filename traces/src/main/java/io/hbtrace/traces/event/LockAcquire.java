package io.hbtrace.traces.event;

/**
 * A lock was acquired (recorded after the acquire returned; a successful tryLock counts). {@code
 * mode}: 0 exclusive, 1 shared.
 */
public record LockAcquire(long seq, int thread, int site, long lock, int mode) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.LOCK_ACQUIRE;
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
    handler.onLockAcquire(this);
  }
}
