package io.hbtrace.traces.event;

/** A read of a volatile or atomic field named by the spec, with the value seen. */
public record VolatileRead(long seq, int thread, int site, int field, long object, long value)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.VOLATILE_READ;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> field;
      case 1 -> object;
      case 2 -> value;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onVolatileRead(this);
  }
}
