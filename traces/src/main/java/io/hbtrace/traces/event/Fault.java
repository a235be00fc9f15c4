package io.hbtrace.traces.event;

/** A fault was injected; {@code what} see {@link Faults}. */
public record Fault(long seq, int thread, int site, int what, long ino, long pos) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.FAULT;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> what;
      case 1 -> ino;
      case 2 -> pos;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onFault(this);
  }
}
