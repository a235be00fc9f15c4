package io.hbtrace.traces.event;

/**
 * Names what an object is in the domain, e.g. role "inode_lock" with owner = inode number, or
 * "page_lock" with owner = inode and detail = page index.
 */
public record ObjectRole(
    long seq, int thread, int site, long object, int role, long owner, long detail)
    implements Event {

  @Override
  public EventKind kind() {
    return EventKind.OBJECT_ROLE;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> object;
      case 1 -> role;
      case 2 -> owner;
      case 3 -> detail;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onObjectRole(this);
  }
}
