package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writers started on one fresh directory at once: one writes, the others are refused. */
class ClaimTest {
  @TempDir Path tmp;

  @Test
  void ofWritersStartedTogetherOnOneDirectoryOneWins() throws Exception {
    for (int round = 0; round < 20; round++) {
      Path dir = tmp.resolve("t" + round);
      CyclicBarrier together = new CyclicBarrier(4);
      AtomicInteger won = new AtomicInteger();
      List<String> refusals = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    together.await();
                    try (TraceWriter w = TraceWriter.create(dir, START)) {
                      won.incrementAndGet();
                    }
                  } catch (TraceException e) {
                    synchronized (refusals) {
                      refusals.add(e.getMessage());
                    }
                  } catch (Exception e) {
                    throw new AssertionError(e);
                  }
                });
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join();
      }
      assertThat(won).hasValue(1);
      assertThat(refusals)
          .hasSize(3)
          .allMatch(m -> m.contains("another writer") || m.contains("not empty"));
      try (TraceReader r = TraceReader.open(dir)) {
        assertThat(r.next()).isNull();
        assertThat(r.end()).isPresent();
      }
      assertThat(Files.exists(dir.resolve(TraceWriter.CLAIM))).isTrue();
    }
  }
}
