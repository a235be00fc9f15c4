package io.hbtrace.traces.event;

/** One run of a repeated workload begins. */
public record RunBegin(long seq, int thread, int site, long run) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.RUN_BEGIN;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> run;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onRunBegin(this);
  }
}
