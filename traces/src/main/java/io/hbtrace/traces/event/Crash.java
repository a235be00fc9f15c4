package io.hbtrace.traces.event;

/** The filesystem crashed at step {@code step}: only durable state survives. */
public record Crash(long seq, int thread, int site, long fs, long step) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.CRASH;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> fs;
      case 1 -> step;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onCrash(this);
  }
}
