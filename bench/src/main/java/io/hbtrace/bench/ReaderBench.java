package io.hbtrace.bench;

import io.hbtrace.traces.TracePacker;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.TraceStart;
import io.hbtrace.traces.TraceWriter;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventHandler;
import io.hbtrace.traces.event.SizeSample;
import io.hbtrace.traces.event.SizeUpdate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reader throughput: a generic/418-like trace of {@link #EVENTS} events from 8 threads, merged into
 * seq order and decoded into event records. The score is ns per event; events/s = 1e9 / score.
 *
 * <pre>
 * mvn -q -pl traces,bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar ReaderBench
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
      BenchFlags.OPENS_REFLECT,
      BenchFlags.EXPORTS_NIO,
      BenchFlags.EXPORTS_REF,
      BenchFlags.HEAP
    })
@State(Scope.Benchmark)
public class ReaderBench {
  static final int THREADS = 8;
  static final int EVENTS = 4_000_000;

  Path dir;
  Path trace;
  Path packed;

  @Setup(Level.Trial)
  public void write() throws Exception {
    dir = Files.createTempDirectory("bench-reader");
    trace = dir.resolve("trace");
    try (TraceWriter w = TraceWriter.create(trace, TraceStart.of("bench", "1"))) {
      EventMix.record(w, THREADS, EVENTS / THREADS);
    }
    packed = dir.resolve("trace.hbt");
    TracePacker.pack(trace, packed);
  }

  @TearDown(Level.Trial)
  public void delete() {
    RecorderBench.deleteTree(dir);
  }

  private static long drain(Path p, Blackhole bh) throws Exception {
    try (TraceReader r = TraceReader.open(p)) {
      for (Event e = r.next(); e != null; e = r.next()) {
        bh.consume(e);
      }
      if (r.eventsRead() != EVENTS) {
        throw new IllegalStateException("read " + r.eventsRead() + " of " + EVENTS);
      }
      return r.eventsRead();
    }
  }

  /** Merge and decode from the trace directory (Chronicle queue). */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long directory(Blackhole bh) throws Exception {
    return drain(trace, bh);
  }

  /** The same from the packed file (adds GZIP inflation). */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long packed(Blackhole bh) throws Exception {
    return drain(packed, bh);
  }

  /** Through a handler that looks at two kinds, as an analysis would. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long handler(Blackhole bh) throws Exception {
    long[] sum = new long[1];
    EventHandler h =
        new EventHandler() {
          @Override
          public void onSizeUpdate(SizeUpdate e) {
            sum[0] += e.newSize();
          }

          @Override
          public void onSizeSample(SizeSample e) {
            sum[0] += e.size();
          }
        };
    try (TraceReader r = TraceReader.open(trace)) {
      while (r.next(h)) {
        // dispatch
      }
    }
    return sum[0];
  }
}
