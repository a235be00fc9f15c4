package io.hbtrace.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVMs that end normally, by System.exit, by an uncaught exception, and by kill -9. */
class WriterProcessTest {
  @TempDir Path tmp;

  private Process fork(String mode, Path dir) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!mode.equals("noflags")) {
      cmd.addAll(Traces.chronicleJvmFlags());
    }
    if (Runtime.version().feature() >= 24) {
      // JDK 24+ warns on stderr when Chronicle uses sun.misc.Unsafe memory access (JEP 471/498)
      cmd.add("--sun-misc-unsafe-memory-access=allow");
    }
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(WriterProcess.class.getName());
    cmd.add(mode);
    cmd.add(dir.toString());
    return new ProcessBuilder(cmd).redirectError(tmp.resolve(mode + ".stderr").toFile()).start();
  }

  private String stderr(String mode) throws Exception {
    return Files.readString(tmp.resolve(mode + ".stderr"));
  }

  @Test
  void normalExitLosesNothing() throws Exception {
    Path dir = tmp.resolve("normal");
    Process p = fork("normal", dir);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(stderr("normal")).isZero();
    // no Chronicle banner, warning or analytics notice on either stream
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
    assertThat(stderr("normal")).isEmpty();
    try (TraceReader r = TraceReader.open(dir)) {
      Map<Integer, Long> perThread = readPrefixes(r);
      assertThat(r.truncated()).isFalse();
      assertThat(r.warnings()).isEmpty();
      EndRecord end = r.end().orElseThrow();
      assertThat(r.eventsRead())
          .isEqualTo((long) WriterProcess.THREADS * WriterProcess.EVENTS)
          .isEqualTo(end.eventsWritten());
      assertThat(end.eventsDropped()).isZero();
      perThread.forEach((tid, n) -> assertThat(end.eventsOf(tid)).isEqualTo(n));
    }
  }

  @Test
  void systemExitWithDaemonThreadsStillRecordingLosesNothingCounted() throws Exception {
    exitsCleanly("exit", 0);
  }

  @Test
  void uncaughtExceptionInMainLosesNothingCounted() throws Exception {
    exitsCleanly("uncaught", 1);
    assertThat(stderr("uncaught")).contains("as planned");
  }

  private void exitsCleanly(String mode, int exitCode) throws Exception {
    Path dir = tmp.resolve(mode);
    Process p = fork(mode, dir);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(stderr(mode)).isEqualTo(exitCode);
    assertThat(TraceReader.ended(dir)).as("found from the end").isTrue();
    try (TraceReader r = TraceReader.open(dir)) {
      Map<Integer, Long> perThread = readPrefixes(r);
      assertThat(r.truncated()).isFalse();
      EndRecord end = r.end().orElseThrow();
      assertThat(r.eventsRead()).isPositive().isEqualTo(end.eventsWritten());
      long sum = 0;
      for (EndRecord.ThreadCount c : end.threads()) {
        assertThat(perThread.getOrDefault(c.thread(), 0L))
            .as("events of thread %d", c.thread())
            .isEqualTo(c.events());
        sum += c.events();
      }
      assertThat(sum).isEqualTo(r.eventsRead());
      assertThat(r.warnings()).noneMatch(w -> w.contains("END counts"));
    }
  }

  @Test
  void killMinus9KeepsWhatWasFlushedAndReportsTruncation() throws Exception {
    Path dir = tmp.resolve("kill");
    Process p = fork("kill", dir);
    long written = 0;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        written = Long.parseLong(line.substring("written ".length()));
        if (written >= 100_000) {
          break;
        }
      }
      assertThat(written).as(stderr("kill")).isGreaterThanOrEqualTo(100_000);
      p.destroyForcibly(); // SIGKILL on Unix: no shutdown hook runs
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(p.exitValue()).isEqualTo(137);
    assertThat(TraceReader.ended(dir)).isFalse();
    assertThat(TraceReader.ended(tmp.resolve("nothing-there"))).isFalse();
    long[] recorded = new long[WriterProcess.THREADS];
    ByteBuffer progress = ByteBuffer.wrap(Files.readAllBytes(WriterProcess.progressFile(dir)));
    for (int t = 0; t < recorded.length; t++) {
      recorded[t] = progress.order(ByteOrder.BIG_ENDIAN).getLong(8 * t);
    }
    try (TraceReader r = TraceReader.open(dir)) {
      long[] read = new long[WriterProcess.THREADS];
      for (Event e = r.next(); e != null; e = r.next()) {
        int worker = (int) e.field(1);
        assertThat(e.field(2))
            .as("worker %d's events form a prefix", worker)
            .isEqualTo(read[worker]);
        read[worker]++;
      }
      assertThat(r.truncated()).isTrue();
      assertThat(r.end()).isEmpty();
      assertThat(r.eventsRead()).isGreaterThanOrEqualTo(written);
      assertThat(r.warnings()).anyMatch(w -> w.contains("no END record"));
      // what the kill cost each thread is at most what its buffer held: one batch. An OP_BEGIN
      // event takes at least 7 bytes; the progress count is published just after each record, so
      // it may lag one event behind
      long perBatch = 4096 / 7 + 1;
      for (int t = 0; t < read.length; t++) {
        assertThat(recorded[t] - read[t])
            .as("events of worker %d lost", t)
            .isBetween(-1L, perBatch);
      }
    }
  }

  @Test
  void missingJvmFlagsGiveOneLineNamingThem() throws Exception {
    Process p = fork("noflags", tmp.resolve("noflags"));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(out.strip())
        .startsWith("IO " + tmp.resolve("noflags"))
        .contains("--add-exports java.base/sun.nio.ch=ALL-UNNAMED")
        .doesNotContain("\n");
  }

  /** Reads everything; checks each worker's events form an unbroken prefix 0, 1, 2, ... */
  private static Map<Integer, Long> readPrefixes(TraceReader r) throws Exception {
    Map<Integer, Long> next = new HashMap<>();
    long lastSeq = -1;
    for (Event e = r.next(); e != null; e = r.next()) {
      assertThat(e.kind()).isEqualTo(EventKind.OP_BEGIN);
      assertThat(e.seq()).isGreaterThan(lastSeq);
      lastSeq = e.seq();
      long expected = next.getOrDefault(e.thread(), 0L);
      assertThat(e.field(2)).as("event %d of thread %d", expected, e.thread()).isEqualTo(expected);
      next.put(e.thread(), expected + 1);
    }
    return next;
  }
}
