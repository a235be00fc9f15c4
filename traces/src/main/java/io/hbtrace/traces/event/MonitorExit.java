package io.hbtrace.traces.event;

/** A monitor is about to be exited, recorded before the exit. */
public record MonitorExit(long seq, int thread, int site, long monitor) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.MONITOR_EXIT;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> monitor;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onMonitorExit(this);
  }
}
