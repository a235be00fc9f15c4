package io.hbtrace.bench;

import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.event.Event;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The three {@link AnalyzerBench} measurements taken in rounds instead of one after the other: each
 * round times a scan, a check on one thread and a check with read-ahead of the same trace (in
 * alternating order), and each check is compared with the scan of its own round. On shared cores
 * whose speed drifts over minutes, JMH's blocks of one benchmark after another can put a slow
 * stretch into one benchmark only; same-round ratios cannot. It complements the JMH run, whose
 * warm-up and forking it does not replace.
 *
 * <pre>
 * mvn -q -DskipTests package
 * java -Xmx1g -XX:+UseParallelGC --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
 *   --add-exports=java.base/sun.nio.ch=ALL-UNNAMED --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED \
 *   -cp bench/target/benchmarks.jar io.hbtrace.bench.AnalyzerRounds 800 20
 * </pre>
 *
 * (run from the repository root: {@code 800} workload runs, the trace of {@code AnalyzerBench -p
 * repeat=800}; {@code 20} measured rounds after 5 warm-up rounds.)
 */
public final class AnalyzerRounds {
  private static final String[] NAMES = {"scan", "checkAll", "checkAllReadAhead"};
  private static final int WARMUP = 5;
  private static long sink;

  private AnalyzerRounds() {}

  public static void main(String[] args) throws Exception {
    Path trace = AnalyzerBench.trace(Integer.parseInt(args[0]));
    int rounds = Integer.parseInt(args[1]);
    long[][] ms = new long[NAMES.length][rounds];
    for (int round = -WARMUP; round < rounds; round++) {
      for (int i = 0; i < NAMES.length; i++) {
        int which = round % 2 == 0 ? i : NAMES.length - 1 - i;
        long start = System.nanoTime();
        run(trace, which);
        if (round >= 0) {
          ms[which][round] = (System.nanoTime() - start) / 1_000_000;
        }
      }
    }
    for (int i = 0; i < NAMES.length; i++) {
      double[] ratio = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        ratio[round] = (double) ms[i][round] / ms[0][round];
      }
      long[] sorted = ms[i].clone();
      Arrays.sort(sorted);
      Arrays.sort(ratio);
      System.out.printf(
          "%-18s ms min %4d  median %4d   x scan of the same round: p25 %.2f  median %.2f%n",
          NAMES[i], sorted[0], sorted[rounds / 2], ratio[rounds / 4], ratio[rounds / 2]);
    }
  }

  private static void run(Path trace, int which) throws Exception {
    try (TraceReader r = TraceReader.open(trace)) {
      switch (which) {
        case 0 -> {
          Event e;
          while ((e = r.next()) != null) {
            sink += e.seq();
          }
        }
        case 1 -> sink += AnalyzerBench.checkOnOneThread(r);
        default -> sink += AnalyzerBench.checkWithReadAhead(r);
      }
    }
  }
}
