package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.THREAD_START;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.ReadTrace;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program with 20,000 virtual threads alive at once, each of which has recorded, runs in a heap
 * of 192 MB with the agent (it needs ~15 MB without): each thread's buffer starts small and grows
 * only if it records more (a full-size buffer each would be 320 MB), and starting each thread looks
 * at a bounded number of others' buffers.
 */
class ManyVirtualThreadsForkedTest {
  private static final int THREADS = 20_000;

  private static final String PROGRAM =
      """
      import java.util.ArrayList;
      import java.util.List;
      import java.util.concurrent.CountDownLatch;
      import java.util.concurrent.locks.ReentrantLock;

      public class Many {
        public static void main(String[] args) throws Exception {
          int n = %d;
          ReentrantLock lock = new ReentrantLock();
          CountDownLatch ready = new CountDownLatch(n);
          CountDownLatch go = new CountDownLatch(1);
          long[] sum = new long[1];
          List<Thread> threads = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            int k = i;
            threads.add(Thread.ofVirtual().start(() -> {
              lock.lock();
              try {
                sum[0] += k;
              } finally {
                lock.unlock();
              }
              ready.countDown();
              try {
                go.await(); // every thread has recorded and is alive until all have
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            }));
          }
          ready.await();
          go.countDown();
          for (Thread t : threads) {
            t.join();
          }
          System.out.println("sum " + sum[0]);
        }
      }
      """
          .formatted(THREADS);

  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.java25();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void twentyThousandLiveVirtualThreadsFitInASmallHeap(Jdk jdk) throws Exception {
    Result r = ForkedJvm.recordProgram(jdk, tmp, "Many", PROGRAM, List.of("-Xmx192m"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("sum " + (long) THREADS * (THREADS - 1) / 2 + "\n");
    ReadTrace t = ReadTrace.read(ForkedJvm.traceOf(tmp));
    assertThat(t.events(THREAD_START)).hasSize(THREADS);
    assertThat(t.events(LOCK_ACQUIRE)).hasSize(THREADS);
    assertThat(t.ended).isTrue();
    assertThat(t.truncated).isFalse();
  }
}
