package io.hbtrace.traces.event;

/** A journal handle started; in the journal-lite model each handle is its own transaction. */
public record JournalStart(long seq, int thread, int site, long txn) implements Event {

  @Override
  public EventKind kind() {
    return EventKind.JOURNAL_START;
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
    handler.onJournalStart(this);
  }
}
