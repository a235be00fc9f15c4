package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static io.hbtrace.traces.Traces.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chronicle hygiene: no analytics, no ./system.properties, no threads surviving close. */
class HygieneTest {
  @TempDir Path tmp;

  private static Set<String> liveThreads() {
    Set<String> names = new TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.isAlive()) {
        names.add(t.getName() + "#" + t.getId());
      }
    }
    return names;
  }

  @Test
  void noThreadOutlivesWriterReaderAndPacker() throws Exception {
    Set<String> before = liveThreads();
    Path dir = tmp.resolve("t");
    try (TraceWriter w = TraceWriter.create(dir, START)) {
      Thread[] ts = new Thread[3];
      for (int i = 0; i < ts.length; i++) {
        ts[i] = new Thread(() -> rec(w, EventKind.JOURNAL_START, 0, 1), "recorder-" + i);
        ts[i].start();
      }
      for (Thread t : ts) {
        t.join();
      }
      assertThat(liveThreads()).anyMatch(n -> n.startsWith("hbtrace-flusher"));
    }
    try (TraceReader r = TraceReader.open(dir)) {
      while (r.next() != null) {
        // drain
      }
    }
    TracePacker.pack(dir, tmp.resolve("t.hbt"));
    TraceReader.readAll(tmp.resolve("t.hbt"));
    Set<String> after = liveThreads();
    for (int i = 0; i < 100 && !before.containsAll(after); i++) {
      Thread.sleep(20); // exiting threads may take a moment to leave the list
      after = liveThreads();
    }
    after.removeAll(before);
    assertThat(after).as("threads left behind").isEmpty();
  }

  @Test
  void chronicleSwitchesAreSetAndAnalyticsAbsent() throws Exception {
    TraceWriter.create(tmp.resolve("t"), START).close();
    assertThat(System.getProperty("chronicle.analytics.disable")).isEqualTo("true");
    assertThat(System.getProperty("chronicle.announcer.disable")).isEqualTo("true");
    assertThat(System.getProperty("system.properties"))
        .isEqualTo(ChronicleHygiene.NO_SYSTEM_PROPERTIES);
    assertThat(System.getProperty("background.releaser")).isEqualTo("false");
    assertThat(System.getProperty("chronicle.disk.monitor.disable")).isEqualTo("true");
    assertThatThrownBy(() -> Class.forName("net.openhft.chronicle.analytics.Analytics"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void writerRefusesANonEmptyDirectory() throws Exception {
    Path dir = tmp.resolve("t");
    TraceWriter.create(dir, START).close();
    assertThatThrownBy(() -> TraceWriter.create(dir, START))
        .isInstanceOfSatisfying(
            TraceException.class, e -> assertThat(e.problem()).isEqualTo(Problem.IO))
        .hasMessageContaining("not empty");
  }
}
