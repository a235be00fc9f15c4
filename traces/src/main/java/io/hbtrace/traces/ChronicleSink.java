package io.hbtrace.traces;

import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The writer's side of Chronicle: one queue, one appender shared under the writer's lock (the
 * single-thread check is off for that reason). Callers hold the writer lock.
 *
 * <p>Roll cycle FAST_DAILY (a run that passes midnight UTC goes on in a second file, which readers
 * follow): its files are named by date ({@code yyyyMMdd}), the same in every locale. WEEKLY, used
 * before, names them by week number, which Chronicle formats and parses in the JVM's default locale
 * (where weeks begin, and how many days the first one needs): a trace recorded in one locale did
 * not open in another. Block size from {@link WriterOptions} (the file's apparent size is at least
 * one block plus the index).
 */
final class ChronicleSink implements AutoCloseable {
  private final SingleChronicleQueue queue;
  private final ExcerptAppender appender;
  private final byte[] trailer = new byte[Format.CRC_BYTES];
  private final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();

  /** {@code clock} picks each document's file (the system clock; tests pass one they set). */
  ChronicleSink(Path dir, long blockSize, TimeProvider clock) {
    SingleChronicleQueue q =
        SingleChronicleQueueBuilder.single(dir.toFile())
            .rollCycle(RollCycles.FAST_DAILY)
            .blockSize(blockSize)
            .timeProvider(clock)
            .build();
    try {
      appender = q.createAppender();
      appender.singleThreadedCheckDisabled(true);
    } catch (RuntimeException | Error e) {
      q.close();
      throw e;
    }
    queue = q;
  }

  /** Appends a finished document (type, body, CRC trailer already in place). */
  void write(byte[] doc) {
    try (DocumentContext dc = appender.writingDocument()) {
      dc.wire().bytes().write(doc, 0, doc.length);
    }
  }

  /**
   * Appends a batch: {@code header[0, hn)} then {@code payload[off, off+len)}, then the CRC-32C of
   * both.
   */
  void writeBatch(byte[] header, int hn, byte[] payload, int off, int len) {
    crc.reset();
    crc.update(header, 0, hn);
    crc.update(payload, off, len);
    Format.putIntLe(trailer, 0, (int) crc.getValue());
    try (DocumentContext dc = appender.writingDocument()) {
      Bytes<?> out = dc.wire().bytes();
      out.write(header, 0, hn);
      out.write(payload, off, len);
      out.write(trailer, 0, Format.CRC_BYTES);
    }
  }

  @Override
  public void close() {
    try {
      appender.close();
    } finally {
      queue.close();
    }
  }
}
