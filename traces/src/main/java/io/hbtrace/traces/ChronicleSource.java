package io.hbtrace.traces;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.io.SingleThreadedChecked;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.wire.DocumentContext;

/** Documents of a trace directory, read with a read-only Chronicle tailer. */
final class ChronicleSource implements DocumentSource {
  private final Path dir;
  private final SingleChronicleQueue queue;
  private final ExcerptTailer tailer;

  ChronicleSource(Path dir) throws TraceException {
    this.dir = dir;
    SingleChronicleQueue q =
        SingleChronicleQueueBuilder.single(dir.toFile()).readOnly(true).build();
    try {
      checkNotCut(q);
      tailer = q.createTailer();
      // A trace may be read on a thread other than the one that opened it (the analyzer reads
      // ahead on a thread of its own); only one thread reads at a time.
      ((SingleThreadedChecked) tailer).singleThreadedCheckDisabled(true);
    } catch (RuntimeException | Error | TraceException e) {
      q.close();
      throw e;
    }
    queue = q;
  }

  /**
   * A queue file cut short (at a page boundary, so the size check before opening passed) would make
   * Chronicle read mapped pages that no longer exist; the JVM reports that as an {@link
   * InternalError} at some later point of the reading thread, possibly in the caller's code. So
   * before reading: the last document each store knows of must lie wholly inside its file, read
   * here with plain file reads, not through the mapping.
   */
  private void checkNotCut(SingleChronicleQueue q) throws TraceException {
    int first = q.firstCycle();
    int last = q.lastCycle();
    if (first == Integer.MAX_VALUE || last == Integer.MIN_VALUE) {
      return;
    }
    for (int cycle = first; cycle <= last; cycle++) {
      SingleChronicleQueueStore store = q.storeForCycle(cycle, q.epoch(), false, null);
      if (store == null) {
        continue;
      }
      try {
        long wp = store.writePosition();
        Path file = store.file().toPath();
        long size = Files.size(file);
        long need = wp + 4;
        if (size >= need) {
          ByteBuffer h = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
          try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.read(h, wp);
          }
          int header = h.getInt(0);
          if (header >= 0) { // complete (the sign bit marks a document still being written)
            need += header & 0x3FFF_FFFF;
          }
        }
        if (size < need) {
          throw new TraceException(
              Problem.CORRUPT,
              dir,
              "queue file "
                  + file.getFileName()
                  + " ends at byte "
                  + size
                  + " but holds records up to byte "
                  + need
                  + ": the file was truncated");
        }
      } catch (IOException e) {
        throw new TraceException(Problem.IO, dir, e.toString(), e);
      } finally {
        q.closeStore(store);
      }
    }
  }

  /**
   * Whether the last document of the queue in {@code dir} is an END record, read from the end (not
   * through the whole trace); false when it cannot be read.
   */
  static boolean endsWithEnd(Path dir) {
    ChronicleHygiene.apply();
    try (SingleChronicleQueue q =
            SingleChronicleQueueBuilder.single(dir.toFile()).readOnly(true).build();
        ExcerptTailer t = q.createTailer()) {
      t.direction(TailerDirection.BACKWARD).toEnd();
      try (DocumentContext dc = t.readingDocument()) {
        return dc.isPresent()
            && dc.wire().bytes().readRemaining() > 0
            && dc.wire().bytes().readByte() == Format.END;
      }
    } catch (RuntimeException | Error e) {
      return false;
    }
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
