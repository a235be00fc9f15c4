package io.hbtrace.traces.event;

/**
 * The inode was removed from the orphan list; {@code txn} 0 means in memory only (no handle), else
 * the on-disk removal is in that transaction.
 */
public record OrphanDel(long seq, int thread, int site, long ino, int wasOnList, long txn)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.ORPHAN_DEL;
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
    handler.onOrphanDel(this);
  }
}
