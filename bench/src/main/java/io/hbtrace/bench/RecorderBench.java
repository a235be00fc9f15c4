package io.hbtrace.bench;

import io.hbtrace.traces.TraceStart;
import io.hbtrace.traces.TraceWriter;
import io.hbtrace.traces.event.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of recording one event, side by side in one run: the real {@link TraceWriter} (per-thread
 * batches), a JFR custom event with the same fields and stack traces off, and plain Chronicle Queue
 * with one document per event; each with 1 and 2 writer threads. Average time per event, and
 * (SampleTime) its median and tail; sampled times include the ~20 ns of JMH's own timer.
 *
 * <pre>
 * mvn -q -pl traces,bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar RecorderBench -bm avgt,sample -jvmArgsPrepend -Djava.io.tmpdir=/dev/shm
 * java -jar bench/target/benchmarks.jar RecorderBench -bm avgt,sample      # traces on /tmp
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {
      BenchFlags.OPENS_REFLECT,
      BenchFlags.EXPORTS_NIO,
      BenchFlags.EXPORTS_REF,
      BenchFlags.HEAP
    })
public class RecorderBench {
  static final int KIND = EventKind.SIZE_UPDATE.code();

  /**
   * The real writer, default options; a fresh trace per iteration, deleted after it, so that each
   * iteration writes at most a few GB: this VM backs never-touched memory slowly (page faults cost
   * ~8× more after ~3.5 GB of fresh pages), which would otherwise be measured instead of the
   * recorder. The same holds for the Chronicle queue below.
   */
  @State(Scope.Benchmark)
  public static class Hbtrace {
    Path dir;
    TraceWriter writer;

    @Setup(Level.Iteration)
    public void open() throws Exception {
      dir = Files.createTempDirectory("bench-hbtrace");
      writer = TraceWriter.create(dir.resolve("trace"), TraceStart.of("bench", "1"));
    }

    @TearDown(Level.Iteration)
    public void close() {
      writer.close();
      deleteTree(dir);
    }
  }

  /** A JFR recording to disk with only {@link JfrBenchEvent} enabled, stack traces off. */
  @State(Scope.Benchmark)
  public static class Jfr {
    Path dir;
    Recording recording;

    @Setup(Level.Trial)
    public void open() throws Exception {
      dir = Files.createTempDirectory("bench-jfr");
      recording = new Recording();
      recording.enable(JfrBenchEvent.class).withoutStackTrace();
      recording.setToDisk(true);
      recording.setMaxSize(256L << 20);
      recording.setDestination(dir.resolve("bench.jfr"));
      recording.start();
    }

    @TearDown(Level.Trial)
    public void close() {
      recording.stop();
      recording.close();
      deleteTree(dir);
    }
  }

  /** One Chronicle queue per iteration; each thread appends through its own appender. */
  @State(Scope.Benchmark)
  public static class Chronicle {
    Path dir;
    SingleChronicleQueue queue;
    final List<ExcerptAppender> appenders = new ArrayList<>();

    synchronized ExcerptAppender newAppender() {
      ExcerptAppender a = queue.createAppender();
      appenders.add(a);
      return a;
    }

    @Setup(Level.Iteration)
    public void open() throws Exception {
      dir = Files.createTempDirectory("bench-chronicle");
      queue =
          SingleChronicleQueueBuilder.single(dir.toFile())
              .rollCycle(RollCycles.FAST_DAILY)
              .blockSize(16L << 20)
              .build();
    }

    @TearDown(Level.Iteration)
    public synchronized void close() {
      appenders.forEach(ExcerptAppender::close);
      appenders.clear();
      queue.close();
      deleteTree(dir);
    }
  }

  /** Per-thread event counter and appender (of the current iteration's queue). */
  @State(Scope.Thread)
  public static class PerThread {
    long i;
    ExcerptAppender appender;
    SingleChronicleQueue of;

    ExcerptAppender appender(Chronicle c) {
      if (of != c.queue) {
        appender = c.newAppender();
        of = c.queue;
      }
      return appender;
    }
  }

  private static void hbtrace(Hbtrace h, PerThread t) {
    long i = t.i++;
    h.writer.record(KIND, 7, 12, i << 12, (i + 1) << 12, 0, 0, 0);
  }

  private static void jfr(PerThread t) {
    long i = t.i++;
    JfrBenchEvent e = new JfrBenchEvent();
    e.kind = KIND;
    e.site = 7;
    e.f0 = 12;
    e.f1 = i << 12;
    e.f2 = (i + 1) << 12;
    e.commit();
  }

  private static void chronicle(Chronicle c, PerThread t) {
    long i = t.i++;
    try (DocumentContext dc = t.appender(c).writingDocument()) {
      Bytes<?> b = dc.wire().bytes();
      b.writeByte((byte) KIND);
      b.writeInt(7);
      b.writeLong(12);
      b.writeLong(i << 12);
      b.writeLong((i + 1) << 12);
    }
  }

  @Benchmark
  @Threads(1)
  public void hbtrace1(Hbtrace h, PerThread t) {
    hbtrace(h, t);
  }

  @Benchmark
  @Threads(2)
  public void hbtrace2(Hbtrace h, PerThread t) {
    hbtrace(h, t);
  }

  @Benchmark
  @Threads(1)
  public void jfr1(Jfr j, PerThread t) {
    jfr(t);
  }

  @Benchmark
  @Threads(2)
  public void jfr2(Jfr j, PerThread t) {
    jfr(t);
  }

  @Benchmark
  @Threads(1)
  public void chronicleDocPerEvent1(Chronicle c, PerThread t) {
    chronicle(c, t);
  }

  @Benchmark
  @Threads(2)
  public void chronicleDocPerEvent2(Chronicle c, PerThread t) {
    chronicle(c, t);
  }

  static void deleteTree(Path p) {
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    } catch (IOException e) {
      // temp files: best effort
    }
  }
}
