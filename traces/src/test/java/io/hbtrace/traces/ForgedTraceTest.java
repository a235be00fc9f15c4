package io.hbtrace.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.Event;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Traces the real writer does not produce: gaps, late events, and rule violations. */
class ForgedTraceTest {
  @TempDir Path tmp;

  private static List<Long> seqs(TraceReader r) throws Exception {
    List<Long> out = new ArrayList<>();
    for (Event e = r.next(); e != null; e = r.next()) {
      out.add(e.seq());
      assertThat(e.field(0)).isEqualTo(e.seq());
    }
    return out;
  }

  private static TraceException failure(Path p) {
    try (TraceReader r = TraceReader.open(p)) {
      seqs(r);
    } catch (TraceException e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("read " + p + " without error");
  }

  @Test
  void missingSeqsAreSkippedWithAWarning() throws Exception {
    Path d = tmp.resolve("gap");
    try (Forge f = new Forge(d, 0)) {
      f.thread(1).thread(2).batch(1, 0, -1, 0, 1).batch(2, 0, -1, 3, 4).batch(1, 1, 1, 6);
    }
    try (TraceReader r = TraceReader.open(d)) {
      assertThat(seqs(r)).containsExactly(0L, 1L, 3L, 4L, 6L);
      assertThat(r.missingEvents()).isEqualTo(2);
      assertThat(r.truncated()).isTrue();
      assertThat(r.warnings()).anyMatch(w -> w.contains("[2, 3) missing"));
    }
  }

  @Test
  void aLateEventBeyondTheMemoryBoundIsDroppedNotMisordered() throws Exception {
    Path d = tmp.resolve("late");
    try (Forge f = new Forge(d, 0)) {
      f.thread(1).thread(2);
      long prev = 0;
      for (int b = 0; b < 20; b++) { // thread 2 runs far ahead while seq 0 is held back
        long[] s = Forge.range(1 + b * 100L, 1 + (b + 1) * 100L);
        f.batch(2, b, b == 0 ? -1 : prev, s);
        prev = s[s.length - 1];
      }
      f.batch(1, 0, -1, 0);
    }
    try (TraceReader r = TraceReader.open(d)) {
      r.boundOverride = 4096;
      List<Long> got = seqs(r);
      assertThat(got).hasSize(2000).isSorted().doesNotContain(0L);
      assertThat(r.warnings())
          .anyMatch(w -> w.contains("memory bound"))
          .anyMatch(w -> w.contains("arrived late"));
      assertThat(r.bufferedBytesHighWater()).isLessThan(4096 + 2048);
    }
  }

  @Test
  void aSeqTwoThreadsClaimIsDeliveredOnceAndInOrder() throws Exception {
    Path d = tmp.resolve("duplicate");
    try (Forge f = new Forge(d, 0)) {
      // thread 1 holds a run of the next seqs, and thread 2 claims one of them as well
      f.thread(1).thread(2).batch(1, 0, -1, 0, 1, 2, 3).batch(2, 0, -1, 1, 5);
    }
    try (TraceReader r = TraceReader.open(d)) {
      assertThat(seqs(r)).containsExactly(0L, 1L, 2L, 3L, 5L);
      assertThat(r.warnings())
          .anyMatch(w -> w.contains("seq 1 of thread 2 arrived late"))
          .anyMatch(w -> w.contains("[4, 5) missing"));
    }
  }

  @Test
  void batchOutOfTurnIsCorrupt() throws Exception {
    Path d = tmp.resolve("turn");
    try (Forge f = new Forge(d, 0)) {
      f.thread(1).batch(1, 0, -1, 0).batch(1, 2, 0, 1);
    }
    assertThat(failure(d).getMessage()).contains("batch 2 where batch 1 was due");
  }

  @Test
  void batchOfUndefinedThreadIsCorrupt() throws Exception {
    Path d = tmp.resolve("undef");
    try (Forge f = new Forge(d, 0)) {
      f.thread(1).batch(2, 0, -1, 0);
    }
    TraceException e = failure(d);
    assertThat(e.problem()).isEqualTo(Problem.CORRUPT);
    assertThat(e.getMessage()).contains("batch thread id 2 out of range");
  }

  @Test
  void idsOutOfOrderAreCorrupt() throws Exception {
    Path d = tmp.resolve("ids");
    try (Forge f = new Forge(d, 0)) {
      f.doc(new DocBuilder(Format.STRING).uvarint(1_000_000_000).string("x"));
    }
    assertThat(failure(d).getMessage()).contains("string id 1000000000 where 1 was due");
  }

  @Test
  void unknownKindIsCorruptInAKnownMinorAndUnsupportedInANewerOne() throws Exception {
    for (int minor : new int[] {Format.MINOR, Format.MINOR + 1}) {
      Path d = tmp.resolve("kind" + minor);
      try (Forge f = new Forge(d, minor)) {
        f.thread(1)
            .doc(
                new DocBuilder(Format.BATCH)
                    .uvarint(1)
                    .uvarint(0)
                    .uvarint(1)
                    .bytes(new byte[] {(byte) 200, 0, 0}));
      }
      TraceException e = failure(d);
      assertThat(e.problem())
          .isEqualTo(minor == Format.MINOR ? Problem.CORRUPT : Problem.UNSUPPORTED_VERSION);
      assertThat(e.getMessage()).contains("kind 200");
    }
  }

  @Test
  void unknownRecordTypeIsSkippedOnlyInANewerMinor() throws Exception {
    for (int minor : new int[] {Format.MINOR, Format.MINOR + 1}) {
      Path d = tmp.resolve("type" + minor);
      try (Forge f = new Forge(d, minor)) {
        f.thread(1).doc(new DocBuilder(42).uvarint(7)).batch(1, 0, -1, 0);
      }
      if (minor == Format.MINOR) {
        assertThat(failure(d).getMessage()).contains("unknown record type 42");
      } else {
        try (TraceReader r = TraceReader.open(d)) {
          assertThat(seqs(r)).containsExactly(0L);
        }
      }
    }
  }

  @Test
  void malformedBatchesAreCorrupt() throws Exception {
    byte[][] bodies = {
      {56, 0, 0, 2, 99}, // trailing byte after the one event
      {
        56,
        (byte) 0xFF,
        (byte) 0xFF,
        (byte) 0xFF,
        (byte) 0xFF,
        (byte) 0xFF,
        (byte) 0xFF,
        (byte) 0xFF,
        (byte) 0xFF,
        (byte) 0xFF,
        (byte) 0x7F,
        0,
        0
      }, // varint over 64 bits
      {56, 0}, // ends inside the event
    };
    String[] words = {"more bytes than", "overflows 64 bits", "ends"};
    for (int i = 0; i < bodies.length; i++) {
      Path d = tmp.resolve("bad" + i);
      try (Forge f = new Forge(d, 0)) {
        f.thread(1)
            .doc(new DocBuilder(Format.BATCH).uvarint(1).uvarint(0).uvarint(1).bytes(bodies[i]));
      }
      TraceException e = failure(d);
      assertThat(e.problem()).as(e.getMessage()).isEqualTo(Problem.CORRUPT);
      assertThat(e.getMessage()).contains(words[i]);
    }
  }
}
