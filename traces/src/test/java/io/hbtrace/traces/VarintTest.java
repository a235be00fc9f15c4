package io.hbtrace.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The decoder's varints, on both of its paths: a varint with ten or more bytes left in the record
 * (read without a bound check per byte) and one among the record's last bytes (checked at every
 * byte).
 */
class VarintTest {
  private static final long[] EDGES = {
    0,
    1,
    0x7F,
    0x80,
    0x3FFF,
    0x4000,
    1L << 35,
    (1L << 56) - 1,
    1L << 62,
    Long.MAX_VALUE,
    -1,
    Long.MIN_VALUE
  };

  /** {@code v} encoded, followed by {@code tail} bytes of padding. */
  private static In encoded(long v, int tail) {
    byte[] a = new byte[In.MAX_VARINT_BYTES + tail];
    int end = Format.putUvarint(a, 0, v) + tail;
    return new In(a, 0, end);
  }

  @Test
  void everyLengthReadsBackOnBothPaths() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      long v = i < EDGES.length ? EDGES[i] : rnd.nextLong() >>> rnd.nextInt(64);
      for (int tail : new int[] {0, 3, In.MAX_VARINT_BYTES}) {
        In in = encoded(v, tail);
        assertThat(in.uvarint()).as("%x with %d bytes after", v, tail).isEqualTo(v);
        assertThat(in.remaining()).isEqualTo(tail);
      }
    }
  }

  @Test
  void signedValuesReadBack() {
    for (long v : new long[] {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, -300, 300}) {
      byte[] a = new byte[2 * In.MAX_VARINT_BYTES];
      int end = Format.putSvarint(a, 0, v);
      assertThat(new In(a, 0, end).svarint()).isEqualTo(v);
      assertThat(new In(a, 0, a.length).svarint()).isEqualTo(v);
    }
  }

  @Test
  void aVarintCutByTheRecordsEndIsCorrupt() {
    byte[] a = new byte[In.MAX_VARINT_BYTES];
    int n = Format.putUvarint(a, 0, -1); // ten bytes
    for (int cut = 1; cut < n; cut++) {
      In in = new In(a, 0, cut);
      assertThatThrownBy(in::uvarint)
          .isInstanceOf(In.Corrupt.class)
          .hasMessage("record ends inside a varint");
    }
  }

  @Test
  void aTenthByteBeyondBit63IsCorruptOnBothPaths() {
    for (byte last : new byte[] {0x02, 0x7F, (byte) 0x81}) {
      for (int tail : new int[] {0, In.MAX_VARINT_BYTES}) {
        byte[] a = new byte[In.MAX_VARINT_BYTES + tail];
        Arrays.fill(a, 0, 9, (byte) 0xFF);
        a[9] = last;
        In in = new In(a, 0, a.length);
        assertThatThrownBy(in::uvarint)
            .isInstanceOf(In.Corrupt.class)
            .hasMessage("varint overflows 64 bits");
      }
    }
  }
}
