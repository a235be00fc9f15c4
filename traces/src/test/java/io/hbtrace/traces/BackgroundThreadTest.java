package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's flusher is not counted among the threads of the group that started the writer. */
class BackgroundThreadTest {
  @TempDir Path tmp;

  @Test
  void theFlusherIsNotInTheStartingThreadsGroup() throws Exception {
    ThreadGroup mine = new ThreadGroup("program");
    Thread[] counted = new Thread[1];
    int[] count = new int[2];
    Thread starter =
        new Thread(
            mine,
            () -> {
              count[0] = Thread.activeCount();
              try (TraceWriter w = TraceWriter.create(tmp.resolve("t"), START)) {
                count[1] = Thread.activeCount();
                mine.enumerate(counted);
              } catch (TraceException e) {
                count[1] = -1;
              }
            },
            "starter");
    starter.start();
    starter.join();
    assertThat(count[1])
        .as("threads in the program's group with a writer open")
        .isEqualTo(count[0]);
    assertThat(counted[0]).isSameAs(starter);
  }

  @Test
  void aBackgroundThreadIsADaemonOfTheRootGroup() {
    Thread t = BackgroundThread.of(() -> {}, "x");
    assertThat(t.isDaemon()).isTrue();
    assertThat(t.getThreadGroup().getParent()).isNull();
    assertThat(t.getName()).isEqualTo("x");
  }
}
