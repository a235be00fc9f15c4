package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static io.hbtrace.traces.Traces.rec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packed single-file form reads exactly like the directory it came from. */
class PackerTest {
  @TempDir Path tmp;

  private Path trace(int perThread) throws Exception {
    Path dir = tmp.resolve("t");
    try (TraceWriter w = TraceWriter.create(dir, START)) {
      Thread[] ts = new Thread[4];
      for (int t = 0; t < ts.length; t++) {
        int me = t;
        ts[t] =
            new Thread(
                () -> {
                  int site = w.site("io.hbtrace.X", "run" + me, "X.java", me);
                  for (int i = 0; i < perThread; i++) {
                    rec(w, EventKind.PAGE_INSERT, site, 3, i);
                    rec(w, EventKind.SIZE_SAMPLE, site, 3, i, (long) i * 4096);
                  }
                });
        ts[t].start();
      }
      for (Thread t : ts) {
        t.join();
      }
    }
    return dir;
  }

  @Test
  void packedTraceReadsLikeTheDirectoryAndIsSmall() throws Exception {
    Path dir = trace(25_000);
    Path packed = tmp.resolve("t.hbt");
    TracePacker.pack(dir, packed);
    List<Event> fromDir = TraceReader.readAll(dir);
    List<Event> fromPack = TraceReader.readAll(packed);
    assertThat(fromPack).hasSize(200_000).isEqualTo(fromDir);
    try (TraceReader a = TraceReader.open(dir);
        TraceReader b = TraceReader.open(packed)) {
      assertThat(b.start()).isEqualTo(a.start());
      while (a.next() != null) {
        // reach the END record
      }
      while (b.next() != null) {
        // in both
      }
      assertThat(b.end()).isEqualTo(a.end()).isPresent();
      assertThat(b.site(3)).isEqualTo(a.site(3));
    }
    assertThat(Files.size(packed)).isLessThan(1 << 20);
  }

  @Test
  void aTraceStillBeingWrittenPacksAsTruncated() throws Exception {
    Path dir = tmp.resolve("open");
    Path packed = tmp.resolve("open.hbt");
    try (TraceWriter w = TraceWriter.create(dir, START)) {
      for (int i = 0; i < 1000; i++) {
        rec(w, EventKind.JOURNAL_START, 0, i);
      }
      w.flush();
      TracePacker.pack(dir, packed);
    }
    try (TraceReader r = TraceReader.open(packed)) {
      while (r.next() != null) {
        // drain
      }
      assertThat(r.eventsRead()).isEqualTo(1000);
      assertThat(r.truncated()).isTrue();
    }
  }

  @Test
  void damagedPackedFilesAreCorrupt() throws Exception {
    Path dir = trace(2_000);
    Path packed = tmp.resolve("t.hbt");
    TracePacker.pack(dir, packed);
    byte[] all = Files.readAllBytes(packed);

    Path cut = Files.write(tmp.resolve("cut.hbt"), Arrays.copyOf(all, all.length / 2));
    assertCorrupt(cut);

    byte[] flipped = all.clone();
    flipped[all.length / 2] ^= 0x04;
    assertCorrupt(Files.write(tmp.resolve("flip.hbt"), flipped));

    byte[] newer = all.clone();
    newer[Format.PACK_MAGIC.length] = 9;
    try {
      TraceReader.open(Files.write(tmp.resolve("v9.hbt"), newer)).close();
      throw new AssertionError("opened a pack of version 9");
    } catch (TraceException e) {
      assertThat(e.problem()).isEqualTo(Problem.UNSUPPORTED_VERSION);
    }
  }

  private static void assertCorrupt(Path p) {
    try (TraceReader r = TraceReader.open(p)) {
      while (r.next() != null) {
        // read to the damage
      }
      throw new AssertionError("read a damaged pack to the end: " + p);
    } catch (TraceException e) {
      assertThat(e.problem()).as(e.getMessage()).isEqualTo(Problem.CORRUPT);
      assertThat(e.getMessage()).startsWith(p.toString()).doesNotContain("\n");
    }
  }
}
