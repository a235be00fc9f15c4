package io.hbtrace.analyzer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, a program of a user's that is not sample-fs: a size its spec maps to i_size, set by
 * CompletableFuture stages on a pool. Stages chained one after another order their updates (no
 * finding); two tasks nothing orders are S5's unserialised updates.
 */
class StagesProgramTest {
  private static final String PROGRAM =
      """
      import java.util.concurrent.*;

      public class Sizes {
      %s

        public static void main(String[] args) {
          Sized s = new Sized();
          ExecutorService pool = Executors.newFixedThreadPool(2);
          if (args[0].equals("chained")) {
            CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> 5);
            CompletableFuture.supplyAsync(() -> { s.publish(10); return 1; }, pool)
                .thenApplyAsync(v -> { s.publish(20); return v; }, pool)
                .thenCombineAsync(other, (a, b) -> { s.publish(30); return a + b; }, pool)
                .thenAccept(v -> s.publish(40))
                .join();
          } else {
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> s.publish(10), pool);
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> s.publish(20), pool);
            CompletableFuture.allOf(a, b).join();
          }
          s.publish(50);
          pool.shutdown();
          System.out.println(s.size);
        }
      }
      """
          .formatted(Recordings.SIZED_CLASS);

  @TempDir Path tmp;

  @Test
  void chainedStagesOrderTheirUpdates() throws Exception {
    Path trace = Recordings.recordProgram(tmp, "Sizes", PROGRAM, Recordings.SIZED_SPEC, "chained");
    assertThat(Recordings.findings(trace, 5)).isEmpty();
  }

  @Test
  void twoTasksNothingOrdersAreUnserialisedUpdates() throws Exception {
    Path trace = Recordings.recordProgram(tmp, "Sizes", PROGRAM, Recordings.SIZED_SPEC, "apart");
    assertThat(Recordings.findings(trace, 3)).contains("s5 unserialised i_size updates");
  }
}
