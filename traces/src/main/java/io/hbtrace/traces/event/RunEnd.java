package io.hbtrace.traces.event;

/** One run of a repeated workload ends; {@code failed} comparisons failed in it. */
public record RunEnd(long seq, int thread, int site, long run, int failed) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.RUN_END;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> run;
      case 1 -> failed;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onRunEnd(this);
  }
}
