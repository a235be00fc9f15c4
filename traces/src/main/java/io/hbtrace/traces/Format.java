package io.hbtrace.traces;

import io.hbtrace.traces.event.EventKind;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Constants of the trace format and the varint encoders of the hot path. {@code FORMAT.md} is the
 * specification; this class must agree with it byte for byte.
 */
final class Format {
  /** Format major version: readers reject any other. */
  static final int MAJOR = 1;

  /** Format minor version: additions only (new kinds, trailing fields of metadata records). */
  static final int MINOR = 1;

  /** First bytes of a START record's body: identifies an hbtrace queue. */
  static final byte[] MAGIC = "hbtrace".getBytes(StandardCharsets.US_ASCII);

  /** First bytes of a packed trace file. */
  static final byte[] PACK_MAGIC = "hbtrpack".getBytes(StandardCharsets.US_ASCII);

  /** Version of the packed container (independent of the trace format version inside). */
  static final int PACK_VERSION = 1;

  static final int START = 1;
  static final int STRING = 2;
  static final int SITE = 3;
  static final int THREAD = 4;
  static final int BATCH = 5;
  static final int END = 6;

  /** Bytes of the CRC-32C trailer of every document. */
  static final int CRC_BYTES = 4;

  /** Longest string, in UTF-8 bytes; the writer truncates longer ones. */
  static final int MAX_STRING_BYTES = 1 << 16;

  /** Largest document a reader accepts (a batch of the largest capacity plus its header). */
  static final int MAX_DOC_BYTES = WriterOptions.MAX_BATCH_BYTES + 64;

  /** Largest metadata document (START with many arguments) the writer produces. */
  static final int MAX_META_BYTES = 1 << 20;

  /** Largest encoded event: kind, seq delta (10), site (5), six zigzag fields (10 each). */
  static final int MAX_EVENT_BYTES = 1 + 10 + 5 + 10 * EventKind.MAX_FIELDS;

  /** Bits of the packed commit word that hold the buffer offset (see {@code ThreadBuffer}). */
  static final int OFFSET_BITS = 22;

  /** Number of fields of each kind code, -1 for codes no kind has. */
  static final byte[] ARITY = new byte[256];

  static {
    java.util.Arrays.fill(ARITY, (byte) -1);
    for (EventKind k : EventKind.values()) {
      ARITY[k.code()] = (byte) k.arity();
    }
  }

  private Format() {}

  /** Writes {@code v} as an unsigned LEB128 varint at {@code p}; returns the new position. */
  static int putUvarint(byte[] a, int p, long v) {
    while ((v & ~0x7FL) != 0) {
      a[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    a[p++] = (byte) v;
    return p;
  }

  /** Writes {@code v} zigzag-encoded as an unsigned varint. */
  static int putSvarint(byte[] a, int p, long v) {
    return putUvarint(a, p, (v << 1) ^ (v >> 63));
  }

  /** CRC-32C of {@code a[0, len)}, as the trailer holds it. */
  static int crc(byte[] a, int off, int len) {
    CRC32C c = new CRC32C();
    c.update(a, off, len);
    return (int) c.getValue();
  }

  static void putIntLe(byte[] a, int p, int v) {
    a[p] = (byte) v;
    a[p + 1] = (byte) (v >>> 8);
    a[p + 2] = (byte) (v >>> 16);
    a[p + 3] = (byte) (v >>> 24);
  }

  static int getIntLe(byte[] a, int p) {
    return (a[p] & 0xFF)
        | (a[p + 1] & 0xFF) << 8
        | (a[p + 2] & 0xFF) << 16
        | (a[p + 3] & 0xFF) << 24;
  }

  static String recordName(int type) {
    return switch (type) {
      case START -> "START";
      case STRING -> "STRING";
      case SITE -> "SITE";
      case THREAD -> "THREAD";
      case BATCH -> "BATCH";
      case END -> "END";
      default -> "record type " + type;
    };
  }
}
