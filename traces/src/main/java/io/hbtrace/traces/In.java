package io.hbtrace.traces;

import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked decoder over one document's body. Every length and count read from the file is
 * checked against what is left before anything is allocated from it; failures throw {@link Corrupt}
 * with a short detail.
 */
final class In {
  byte[] a;
  int p;
  int end;

  In(byte[] a, int p, int end) {
    reset(a, p, end);
  }

  void reset(byte[] a, int p, int end) {
    this.a = a;
    this.p = p;
    this.end = end;
  }

  boolean hasMore() {
    return p < end;
  }

  int remaining() {
    return end - p;
  }

  int u8() {
    if (p >= end) {
      throw new Corrupt("record ends early");
    }
    return a[p++] & 0xFF;
  }

  /** Bytes of the longest varint: 64 bits, 7 to a byte. */
  static final int MAX_VARINT_BYTES = 10;

  long uvarint() {
    int q = p;
    if (end - q >= MAX_VARINT_BYTES) { // the whole varint is inside: no bound to check per byte
      byte b = a[q++];
      if (b >= 0) { // one byte: the common case for deltas, sites, small fields
        p = q;
        return b;
      }
      long v = b & 0x7F;
      for (int shift = 7; shift < 63; shift += 7) {
        b = a[q++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          p = q;
          return v;
        }
      }
      p = q;
      return lastVarintByte(v);
    }
    return uvarintNearEnd();
  }

  /** The tenth byte of a varint (value bits 63 and up), after the nine before it in {@code v}. */
  private long lastVarintByte(long v) {
    byte b = a[p++];
    if ((b & 0xFE) != 0) {
      throw new Corrupt("varint overflows 64 bits");
    }
    return v | (long) b << 63;
  }

  /** {@link #uvarint} within the last bytes of the record, checking the end at every byte. */
  private long uvarintNearEnd() {
    long v = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      if (p >= end) {
        throw new Corrupt("record ends inside a varint");
      }
      byte b = a[p++];
      v |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return v;
      }
    }
    if (p >= end) {
      throw new Corrupt("record ends inside a varint");
    }
    return lastVarintByte(v);
  }

  long svarint() {
    long z = uvarint();
    return (z >>> 1) ^ -(z & 1);
  }

  /** An unsigned varint that must lie in [0, max]. */
  int uint(String what, long max) {
    long v = uvarint();
    if (v < 0 || v > max) {
      throw new Corrupt(what + " " + Long.toUnsignedString(v) + " out of range [0, " + max + "]");
    }
    return (int) v;
  }

  String string() {
    int n = uint("string length", Math.min(Format.MAX_STRING_BYTES, remaining()));
    String s = new String(a, p, n, StandardCharsets.UTF_8);
    p += n;
    return s;
  }

  /** A count of items each at least {@code minBytes} long: bounded by what is left. */
  int count(String what, int minBytes) {
    return uint(what, remaining() / Math.max(1, minBytes));
  }

  /** Thrown on any violation of the format while decoding; the reader turns it into CORRUPT. */
  static class Corrupt extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Corrupt(String detail) {
      super(detail, null, false, false);
    }
  }
}
