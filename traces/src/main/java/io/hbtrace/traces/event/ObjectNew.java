package io.hbtrace.traces.event;

/** First sighting of an object identity; {@code type} is the string id of its class name. */
public record ObjectNew(long seq, int thread, int site, long object, int type) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.OBJECT_NEW;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> object;
      case 1 -> type;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onObjectNew(this);
  }
}
