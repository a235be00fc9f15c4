package io.hbtrace.bench;

import io.hbtrace.traces.TracePacker;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.TraceStart;
import io.hbtrace.traces.TraceWriter;
import io.hbtrace.traces.WriterStats;
import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Bytes per event on disk for the generic/418-like event mix ({@link EventMix}, 8 threads): the
 * queue's documents including Chronicle's 4-byte headers, divided by the events read back; and the
 * packed form's size.
 *
 * <pre>
 * mvn -q -pl traces,bench -am package -DskipTests
 * java --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
 *      --add-exports=java.base/sun.nio.ch=ALL-UNNAMED \
 *      --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED \
 *      -cp bench/target/benchmarks.jar io.hbtrace.bench.EventMixSize [events]
 * </pre>
 */
public final class EventMixSize {
  private EventMixSize() {}

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 8_000_000;
    int threads = 8;
    Path dir = Files.createTempDirectory("mix-size");
    Path trace = dir.resolve("trace");
    WriterStats stats;
    try {
      TraceWriter w = TraceWriter.create(trace, TraceStart.of("bench", "1"));
      EventMix.record(w, threads, events / threads);
      w.close();
      stats = w.stats();
      long docs = 0;
      long docBytes = 0;
      try (SingleChronicleQueue q =
              SingleChronicleQueueBuilder.single(trace.toFile()).readOnly(true).build();
          ExcerptTailer t = q.createTailer()) {
        while (true) {
          try (DocumentContext dc = t.readingDocument()) {
            if (!dc.isPresent()) {
              break;
            }
            Bytes<?> b = dc.wire().bytes();
            docs++;
            docBytes += b.readRemaining() + 4; // Chronicle's length header
          }
        }
      }
      long read;
      try (TraceReader r = TraceReader.open(trace)) {
        while (r.next() != null) {
          // count
        }
        read = r.eventsRead();
      }
      Path packed = dir.resolve("trace.hbt");
      TracePacker.pack(trace, packed);
      System.out.printf(
          "events %d (read back %d), batches %d, documents %d%n",
          stats.eventsWritten(), read, stats.batches(), docs);
      System.out.printf(
          "queue documents: %d bytes = %.2f bytes/event%n", docBytes, docBytes / (double) read);
      System.out.printf(
          "packed file: %d bytes = %.2f bytes/event%n",
          Files.size(packed), Files.size(packed) / (double) read);
    } finally {
      RecorderBench.deleteTree(dir);
    }
  }
}
