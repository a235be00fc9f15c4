package io.hbtrace.traces;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import io.hbtrace.traces.event.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The compatibility fixture: a small deterministic trace holding every event kind, strings, sites
 * and two threads. One packed copy per format version is kept in {@code
 * src/test/resources/fixtures/format-MAJOR.MINOR.hbt} and read by {@link CompatibilityTest} in
 * every later version.
 *
 * <p>Regenerate only when the format version changes (never overwrite an old version's file):
 *
 * <pre>
 * mvn -q -pl traces test-compile
 * java $(flags) -cp "$(cat cp.txt):traces/target/classes:traces/target/test-classes" \
 *     io.hbtrace.traces.FixtureTrace traces/src/test/resources/fixtures
 * </pre>
 */
public final class FixtureTrace {
  private FixtureTrace() {}

  static final TraceStart START =
      new TraceStart(
          "hbtrace-fixture",
          "1.0",
          "io.hbtrace.samplefs.Generic418",
          List.of("--threads", "2", "--seed", "418"),
          Map.of("variant", "buggy", "workload", "generic/418"));

  static String fileName() {
    return "format-" + Format.MAJOR + "." + Format.MINOR + ".hbt";
  }

  /** The fields of the {@code i}-th event of the main thread: extremes and small values. */
  static long[] fields(int i) {
    long[][] sets = {
      {0, 1, -1, 4096, 1L << 40, -(1L << 40)},
      {Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, 127, -128},
      {7, 4096, 8192, 1, 0, 3},
    };
    return sets[i % sets.length];
  }

  /** Writes the fixture trace into {@code dir}; returns the events it recorded. */
  static List<Event> write(Path dir) throws Exception {
    List<Event> events = new ArrayList<>();
    try (TraceWriter w = TraceWriter.create(dir, START)) {
      int main = w.currentThreadId();
      int site = w.site("io.hbtrace.samplefs.Inode", "setSize", "Inode.java", 88);
      int lockName = w.string("inode_lock");
      Thread child =
          new Thread(
              () -> {
                int s = w.site("io.hbtrace.samplefs.Reader", "readpage", "Reader.java", 120);
                Traces.rec(w, EventKind.SIZE_SAMPLE, s, 12, 3, 8192);
              },
              "reader-1");
      int childTid = w.threadId(child);
      int seq = 0;
      for (EventKind k : EventKind.values()) {
        long[] f = fields(seq);
        w.record(k.code(), site, f[0], f[1], f[2], f[3], f[4], f[5]);
        events.add(Events.create(k, seq++, main, site, f));
      }
      Traces.rec(w, EventKind.OBJECT_ROLE, 0, 77, lockName, 12, 0);
      events.add(
          Events.create(
              EventKind.OBJECT_ROLE, seq++, main, 0, new long[] {77, lockName, 12, 0, 0, 0}));
      Traces.rec(w, EventKind.THREAD_START, site, childTid);
      events.add(
          Events.create(
              EventKind.THREAD_START, seq++, main, site, new long[] {childTid, 0, 0, 0, 0, 0}));
      child.start();
      child.join();
      events.add(
          Events.create(
              EventKind.SIZE_SAMPLE, seq++, childTid, 2, new long[] {12, 3, 8192, 0, 0, 0}));
      Traces.rec(w, EventKind.THREAD_JOIN, site, childTid);
      events.add(
          Events.create(
              EventKind.THREAD_JOIN, seq++, main, site, new long[] {childTid, 0, 0, 0, 0, 0}));
    }
    return events;
  }

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]).resolve(fileName());
    if (Files.exists(out)) {
      throw new IllegalStateException(out + " exists: fixtures of released versions never change");
    }
    Path dir = Files.createTempDirectory("fixture");
    write(dir.resolve("trace"));
    TracePacker.pack(dir.resolve("trace"), out);
    System.out.println("wrote " + out + " (" + Files.size(out) + " bytes)");
  }
}
