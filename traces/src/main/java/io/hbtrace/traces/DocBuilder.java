package io.hbtrace.traces;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds one metadata document (slow path): type byte, body, and the CRC-32C trailer. */
final class DocBuilder {
  private byte[] a = new byte[64];
  private int p;

  DocBuilder(int type) {
    a[p++] = (byte) type;
  }

  private void ensure(int n) {
    if (p + n > a.length) {
      a = Arrays.copyOf(a, Math.max(a.length * 2, p + n));
    }
  }

  DocBuilder bytes(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, a, p, b.length);
    p += b.length;
    return this;
  }

  DocBuilder uvarint(long v) {
    ensure(10);
    p = Format.putUvarint(a, p, v);
    return this;
  }

  DocBuilder svarint(long v) {
    ensure(10);
    p = Format.putSvarint(a, p, v);
    return this;
  }

  /** Varint byte length, then UTF-8; cut to {@link Format#MAX_STRING_BYTES} on a char boundary. */
  DocBuilder string(String s) {
    byte[] b = utf8(s == null ? "" : s);
    uvarint(b.length);
    return bytes(b);
  }

  static byte[] utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length <= Format.MAX_STRING_BYTES) {
      return b;
    }
    int n = Format.MAX_STRING_BYTES;
    while (n > 0 && (b[n] & 0xC0) == 0x80) {
      n--; // do not split a UTF-8 sequence
    }
    return Arrays.copyOf(b, n);
  }

  int size() {
    return p;
  }

  /** The finished document, with its CRC trailer. */
  byte[] finish() {
    ensure(Format.CRC_BYTES);
    Format.putIntLe(a, p, Format.crc(a, 0, p));
    return Arrays.copyOf(a, p + Format.CRC_BYTES);
  }
}
