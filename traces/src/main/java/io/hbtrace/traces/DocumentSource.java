package io.hbtrace.traces;

import java.io.Closeable;

/**
 * The documents of a trace in file order, from a Chronicle queue or a packed file. The reader sees
 * only whole documents (type byte, body, CRC trailer) and never a Chronicle type.
 */
interface DocumentSource extends Closeable {

  /**
   * The next complete document, or {@code null} when there is none (the end, or the tear where a
   * killed writer left a half-written document).
   *
   * @throws TraceException if the container itself is damaged
   */
  byte[] next() throws TraceException;

  /** Whether the source ends in a tear rather than a clean end (known after {@code null}). */
  default boolean torn() {
    return false;
  }

  @Override
  void close();
}
