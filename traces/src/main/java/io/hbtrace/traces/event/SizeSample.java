package io.hbtrace.traces.event;

/** readpage sampled i_size once for page {@code index}. */
public record SizeSample(long seq, int thread, int site, long ino, long index, long size)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.SIZE_SAMPLE;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> index;
      case 2 -> size;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onSizeSample(this);
  }
}
