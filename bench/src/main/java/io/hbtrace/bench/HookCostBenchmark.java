package io.hbtrace.bench;

import io.hbtrace.bench.target.HookTargets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of an instrumented call through the whole path (instrumented code → the hook classes →
 * recorder → trace writer) against the same call uninstrumented. {@link HookCostRun} runs it twice,
 * without and with the agent, and prints both side by side with the events each call records.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * mvn -q -pl agent,bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.hbtrace.bench.HookCostRun agent/target/hbtrace-agent.jar
 * # the agent's cost without the writer's:
 * java -cp bench/target/benchmarks.jar io.hbtrace.bench.HookCostRun agent/target/hbtrace-agent.jar format=none
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HookCostBenchmark {
  private final HookTargets targets = new HookTargets();
  private long n;

  @Benchmark
  public long plainCall() {
    return targets.plain();
  }

  @Benchmark
  public long monitorEnterExit() {
    return targets.monitor();
  }

  @Benchmark
  public long lockUnlock() {
    return targets.lock();
  }

  /**
   * {@link #lockUnlock} on two threads at once, each with its own lock (the state is per thread):
   * nothing is shared in the program, so what the pair costs above one thread is what recording
   * shares, chiefly the trace's one order-key counter, whose cache line moves between the cores.
   */
  @Benchmark
  @Threads(2)
  public long lockUnlockTwoThreads() {
    return targets.lock();
  }

  @Benchmark
  public long tracepointWithVolatileWrite() {
    return targets.publish(++n);
  }

  @Benchmark
  public long volatileRead() {
    return targets.readSize();
  }
}
