package io.hbtrace.traces.event;

/**
 * The inode was added to the orphan list ({@code wasOnList} 1: it already was, a no-op); on disk in
 * transaction {@code txn}.
 */
public record OrphanAdd(long seq, int thread, int site, long ino, int wasOnList, long txn)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.ORPHAN_ADD;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> ino;
      case 1 -> wasOnList;
      case 2 -> txn;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onOrphanAdd(this);
  }
}
