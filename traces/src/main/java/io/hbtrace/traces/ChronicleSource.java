package io.hbtrace.traces;

import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/** Documents of a trace directory, read with a read-only Chronicle tailer. */
final class ChronicleSource implements DocumentSource {
  private final Path dir;
  private final SingleChronicleQueue queue;
  private final ExcerptTailer tailer;

  ChronicleSource(Path dir) {
    this.dir = dir;
    SingleChronicleQueue q =
        SingleChronicleQueueBuilder.single(dir.toFile()).readOnly(true).build();
    try {
      tailer = q.createTailer();
    } catch (RuntimeException | Error e) {
      q.close();
      throw e;
    }
    queue = q;
  }

  @Override
  public byte[] next() throws TraceException {
    try (DocumentContext dc = tailer.readingDocument()) {
      if (!dc.isPresent()) {
        return null;
      }
      Bytes<?> b = dc.wire().bytes();
      long n = b.readRemaining();
      if (n < 0 || n > Format.MAX_DOC_BYTES) {
        throw new TraceException(
            Problem.CORRUPT, dir, "document of " + n + " bytes at index " + tailer.index());
      }
      byte[] a = new byte[(int) n];
      b.read(a, 0, (int) n);
      return a;
    } catch (TraceException e) {
      throw e;
    } catch (RuntimeException | InternalError e) {
      // InternalError: a fault reading a mapped page past the end of a truncated file
      throw new TraceException(
          Problem.CORRUPT, dir, "Chronicle cannot read the queue: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      tailer.close();
    } finally {
      queue.close();
    }
  }
}
