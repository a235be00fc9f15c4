package io.hbtrace.traces.event;

/**
 * A thread is about to be started (recorded before {@code Thread.start}); {@code child} is its
 * trace thread id.
 */
public record ThreadStart(long seq, int thread, int site, int child) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.THREAD_START;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> child;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onThreadStart(this);
  }
}
