package io.hbtrace.traces.event;

/** A workload operation ends. */
public record OpEnd(long seq, int thread, int site, int op, long ino, long pos, long result)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.OP_END;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> op;
      case 1 -> ino;
      case 2 -> pos;
      case 3 -> result;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onOpEnd(this);
  }
}
