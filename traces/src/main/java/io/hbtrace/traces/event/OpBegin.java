package io.hbtrace.traces.event;

/** A workload operation begins; {@code op} see {@link Ops}. */
public record OpBegin(long seq, int thread, int site, int op, long ino, long pos, long len)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.OP_BEGIN;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> op;
      case 1 -> ino;
      case 2 -> pos;
      case 3 -> len;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onOpBegin(this);
  }
}
