package io.hbtrace.traces.event;

/**
 * A write of a volatile or atomic field named by the spec; {@code field} is a string id
 * ("Class.field"), {@code object} the owner's identity (0 for static).
 */
public record VolatileWrite(long seq, int thread, int site, int field, long object, long value)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.VOLATILE_WRITE;
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
    handler.onVolatileWrite(this);
  }
}
