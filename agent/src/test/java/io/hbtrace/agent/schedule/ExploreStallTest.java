package io.hbtrace.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.EventKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The explorer never hangs the program: when the threads wait in a state it cannot decide in (here
 * the turn's holder sleeps, which no hook sees), it lets the program run on unscheduled.
 */
class ExploreStallTest {
  private static final int RUN_BEGIN = EventKind.RUN_BEGIN.code();
  private static final int VERIFY = EventKind.VERIFY.code();

  @Test
  void aStateNoOneCanDecideInEndsTheSearchInsteadOfTheProgram() throws Exception {
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    ExploreScheduler scheduler =
        new ExploreScheduler(
            new RandomSearch(1, 8, 10), new ExploreReport(null, 10), err, () -> {}, 300_000_000L);
    CountDownLatch holding = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () -> {
              scheduler.awaitTurn(RUN_BEGIN, 0, 0, 0, 0, 0, 0, 0); // takes the turn
              holding.countDown();
              try {
                Thread.sleep(60_000); // holds it, timed-waiting where no hook sees
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "holder");
    holder.setDaemon(true);
    holder.start();
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    long start = System.nanoTime();
    scheduler.awaitTurn(VERIFY, 0, 0, 0, 0, -1, 0, 0); // waits for a turn no one can give
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(waitedMillis).isBetween(300L, 30_000L); // long before the holder wakes
    assertThat(errBytes.toString(StandardCharsets.UTF_8))
        .contains("explore: no thread could go on for 300 ms")
        .contains("the program runs on unscheduled");
    holder.interrupt();
  }
}
