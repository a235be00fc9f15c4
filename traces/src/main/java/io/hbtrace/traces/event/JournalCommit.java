package io.hbtrace.traces.event;

/** The handle's transaction committed: its metadata changes are durable. */
public record JournalCommit(long seq, int thread, int site, long txn) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.JOURNAL_COMMIT;
  }

  @Override
  public long field(int i) {
    return switch (i) {
      case 0 -> txn;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public void accept(EventHandler handler) {
    handler.onJournalCommit(this);
  }
}
