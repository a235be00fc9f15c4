package io.hbtrace.agent.forked;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.HandoffOrder;
import io.hbtrace.agent.testing.ReadTrace;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A program chaining CompletableFuture stages on a pool, recorded with the real agent: what each
 * stage did (an either stage's too, waited for through anyOf) is ordered by the recorded hand-offs
 * before what the main thread does after its joins, and the output is the same as without the
 * agent.
 */
class StagesForkedTest {
  private static final String PROGRAM =
      """
      import java.util.concurrent.*;

      public class Stages {
        static final Object[] MARKS = new Object[6];
        static int entered;

        static void mark(int i) { synchronized (MARKS[i]) { entered++; } }

        public static void main(String[] args) {
          for (int i = 0; i < MARKS.length; i++) MARKS[i] = new Object();
          ExecutorService pool = Executors.newFixedThreadPool(3);
          CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> { mark(0); return 1; }, pool);
          CompletableFuture<Integer> b = a.thenApplyAsync(v -> { mark(1); return v + 1; }, pool);
          CompletableFuture<Integer> c = CompletableFuture.supplyAsync(() -> { mark(2); return 3; });
          CompletionStage<Integer> d = b.thenCombineAsync(c, (x, y) -> { mark(3); return x * y; }, pool);
          CompletableFuture<Integer> e = d.toCompletableFuture()
              .thenApply(v -> { if (v > 0) throw new IllegalStateException("v=" + v); return v; })
              .thenApply(v -> v + 1)
              .exceptionally(x -> { mark(4); return -1; });
          CompletableFuture<Integer> f = b.applyToEither(c, v -> { mark(5); return v; });
          int r = e.join();
          CompletableFuture.anyOf(f).join();
          for (int i = 0; i < MARKS.length; i++) mark(i);
          pool.shutdown();
          System.out.println("r=" + r + " entered=" + entered);
        }
      }
      """;

  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jdks")
  void whatTheStagesDidIsOrderedBeforeTheJoin(Jdk jdk) throws Exception {
    Result r = ForkedJvm.recordProgram(jdk, tmp, "Stages", PROGRAM);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("r=-1 entered=12\n");
    ReadTrace t = ReadTrace.read(ForkedJvm.traceOf(tmp));
    HandoffOrder order = new HandoffOrder(t.events(HandoffOrder.KINDS));
    assertThat(order.marks()).hasSize(6);
    for (long mark : order.marks()) {
      assertThat(order.ordered(mark)).as("mark %d", mark).isTrue();
    }
  }
}
