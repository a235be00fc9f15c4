package io.hbtrace.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** When the explorer may decide: the program is quiet. */
class ThreadCensusTest {
  @Test
  void aThreadThatNeverStartsStopsCountingAsRunning() throws Exception {
    ThreadCensus census = new ThreadCensus();
    Thread neverStarted = new Thread(() -> {}, "never-started"); // as when the start failed
    census.seen(neverStarted);
    assertThat(census.quiet()).isFalse(); // about to start, as far as anyone can tell
    Thread.sleep(ThreadCensus.NEW_NANOS / 1_000_000 + 50);
    assertThat(census.quiet()).isTrue();
  }

  @Test
  void aRunningThreadKeepsTheProgramBusyAndAWaitingOneDoesNot() throws Exception {
    ThreadCensus census = new ThreadCensus();
    CountDownLatch stop = new CountDownLatch(1);
    Thread busy =
        new Thread(
            () -> {
              while (stop.getCount() > 0) {
                Thread.onSpinWait();
              }
            },
            "busy");
    busy.start();
    try {
      census.seen(busy);
      assertThat(census.quiet()).isFalse();
      census.waits(busy, "an event");
      assertThat(census.quiet()).isTrue();
    } finally {
      stop.countDown();
      busy.join();
    }
  }
}
