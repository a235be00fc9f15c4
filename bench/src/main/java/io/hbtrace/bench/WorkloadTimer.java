package io.hbtrace.bench;

import com.sun.management.OperatingSystemMXBean;
import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.workload.DioInvalidateCache;
import io.hbtrace.samplefs.workload.DioInvalidateCacheOptions;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * The JVM {@link WorkloadComparison} forks, with and without the agent: {@code dio-invalidate-cache
 * --variant pre-fix -w -b 1024 -n 8 -i 4} run {@code RUNS} times in this JVM, each run timed on its
 * own. Prints one line, {@code steady N TOTAL_NS MEDIAN_NS CPU_NS}: the runs after the first {@code
 * WARMUP} (whose time holds the JVM's and the agent's start-up and the JIT's warm-up), their total
 * and their median time, and the CPU time the whole process used meanwhile (every thread: the
 * program's, the agent's, the collector's and the compiler's). Timing inside the JVM leaves out
 * process start and exit, whose spread on shared cores is as large as the difference being
 * measured; the CPU time moves less with the other load on the cores than the wall time does, and
 * counts the work a recorded program adds even where it fills time the program spent waiting.
 *
 * <p>Only sample-fs classes are used here, so with the agent attached only they are instrumented.
 * Usage: {@code WorkloadTimer RUNS WARMUP LATENCY} (classpath: sample-fs.jar and this module's
 * jar).
 */
public final class WorkloadTimer {
  private WorkloadTimer() {}

  public static void main(String[] args) {
    int runs = Integer.parseInt(args[0]);
    int warmup = Integer.parseInt(args[1]);
    DioInvalidateCacheOptions opts = options(args[2], runs);
    DioInvalidateCache workload =
        new DioInvalidateCache(opts, new PrintWriter(Writer.nullWriter()));
    long[] ns = new long[runs - warmup];
    long cpuAtWarmup = 0;
    for (int run = 0; run < runs; run++) {
      if (run == warmup) {
        cpuAtWarmup = processCpuNanos();
      }
      long start = System.nanoTime();
      workload.runOnce(run);
      if (run >= warmup) {
        ns[run - warmup] = System.nanoTime() - start;
      }
    }
    long cpu = processCpuNanos() - cpuAtWarmup;
    long total = Arrays.stream(ns).sum();
    Arrays.sort(ns);
    System.out.println("steady " + ns.length + " " + total + " " + ns[ns.length / 2] + " " + cpu);
  }

  /** CPU time of the whole process so far, in ns (-1 where the JVM cannot tell). */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /** The workload of the agent's cost table: {@code -w -b 1024 -n 8 -i 4}, pre-fix. */
  static DioInvalidateCacheOptions options(String latency, int runs) {
    DioInvalidateCacheOptions d = DioInvalidateCacheOptions.defaults();
    return new DioInvalidateCacheOptions(
            d.variant(),
            d.writeDirect(),
            d.readDirect(),
            d.truncate(),
            d.prealloc(),
            d.fill(),
            d.blockSize(),
            d.children(),
            d.iterations(),
            d.offset(),
            d.seed(),
            d.repeat(),
            d.pageSize(),
            d.fsBlockSize(),
            LatencyProfile.byName(latency),
            d.journalBlocks(),
            d.extensionStallNanos(),
            d.faultRate(),
            d.invalidationFailureRate(),
            d.writebackErrorRate())
        .withCase("w", 1024, WorkloadComparison.CHILDREN, WorkloadComparison.ITERATIONS, runs);
  }
}
