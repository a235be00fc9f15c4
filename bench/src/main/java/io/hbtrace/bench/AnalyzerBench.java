package io.hbtrace.bench;

import io.hbtrace.analyzer.Analysis;
import io.hbtrace.analyzer.ReadAhead;
import io.hbtrace.analyzer.TraceSymbols;
import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.traces.TraceException;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Analyzer throughput on a real recording of the generic/418 workload (pre-fix, so the checks have
 * work to do), side by side in one run: {@code scan} reads and decodes every event (the baseline),
 * {@code checkAll} also runs the happens-before engine and every check on the same thread, and
 * {@code checkAllReadAhead} does so with decoding on a reader thread of its own, as {@code hbtrace
 * check} does. Both checks read the trace as {@code hbtrace check} does: past the kinds no check
 * reads, which are checked and merged but not made into objects. The ratio to {@code scan} is the
 * analysis cost; events per second is the trace's event count (printed at setup) over the time.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -jar bench/target/benchmarks.jar AnalyzerBench -p repeat=400
 * </pre>
 *
 * (run from the repository root; {@code repeat} workload runs, about 6,200 events each.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xmx1g",
      "-XX:+UseParallelGC", // as the hbtrace launcher runs the CLI
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED"
    })
public class AnalyzerBench {
  @Param("400")
  int repeat;

  private Path trace;

  /**
   * Records the trace once, into {@code bench/target/analyzer-bench/}, and reuses it: every fork
   * and both benchmarks read the very same trace.
   */
  @Setup(Level.Trial)
  public void record() throws Exception {
    trace = trace(repeat);
    long events = 0;
    try (TraceReader r = TraceReader.open(trace)) {
      while (r.next() != null) {
        events++;
      }
    }
    System.out.printf("%n[AnalyzerBench] trace of %,d events (%d runs)%n", events, repeat);
  }

  @Benchmark
  public long scan(Blackhole bh) throws Exception {
    long n = 0;
    try (TraceReader r = TraceReader.open(trace)) {
      Event e;
      while ((e = r.next()) != null) {
        bh.consume(e);
        n++;
      }
    }
    return n;
  }

  @Benchmark
  public int checkAll() throws Exception {
    try (TraceReader r = TraceReader.open(trace)) {
      return checkOnOneThread(r);
    }
  }

  @Benchmark
  public int checkAllReadAhead() throws Exception {
    try (TraceReader r = TraceReader.open(trace)) {
      return checkWithReadAhead(r);
    }
  }

  /** Every check over {@code r}, decoding on this thread; returns the number of findings. */
  static int checkOnOneThread(TraceReader r) throws TraceException {
    Analysis a = analysis(r);
    Event e;
    while ((e = r.next()) != null) {
      a.accept(e, r.lastKind(), r.lastThread());
    }
    return findings(a, r);
  }

  /** Every check over {@code r}, decoding on a reader thread, as {@code hbtrace check} does. */
  static int checkWithReadAhead(TraceReader r) throws TraceException {
    Analysis a = analysis(r); // first: the reader thread starts with the kinds to skip
    try (ReadAhead ahead = new ReadAhead(r)) {
      Event e;
      while ((e = ahead.next()) != null) {
        a.accept(e, ahead.kind(), ahead.thread());
      }
    }
    return findings(a, r);
  }

  /** The recording of {@code repeat} pre-fix runs, made on first use and reused. */
  static Path trace(int repeat) throws Exception {
    Path dir = RecordedTrace.home().resolve("bench/target/analyzer-bench");
    Path done = dir.resolve("pre-fix-" + repeat + ".path");
    if (Files.exists(done)) {
      return Path.of(Files.readString(done).trim());
    }
    Files.createDirectories(dir);
    Path trace = RecordedTrace.record(dir, "pre-fix", repeat);
    Files.writeString(done, trace.toString());
    return trace;
  }

  /**
   * An analysis with every check, made as {@code hbtrace check} makes it: {@code r} is told to read
   * past the kinds no check reads. Call it before the first read.
   */
  private static Analysis analysis(TraceReader r) {
    Analysis a = new Analysis(new TraceSymbols(r), CheckRegistry.all());
    r.skip(a.unread());
    return a;
  }

  /** Ends {@code a}, fed every event {@code r} did not skip; returns the number of findings. */
  private static int findings(Analysis a, TraceReader r) {
    a.countSkipped(r);
    return a.finish().size();
  }
}
