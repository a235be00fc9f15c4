package io.hbtrace.traces.event;

/** A monitor was entered ({@code synchronized} block or method), recorded after entry. */
public record MonitorEnter(long seq, int thread, int site, long monitor) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.MONITOR_ENTER;
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
    handler.onMonitorEnter(this);
  }
}
