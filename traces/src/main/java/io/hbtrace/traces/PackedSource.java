package io.hbtrace.traces;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Documents of a packed trace file: {@code "hbtrpack"}, a version byte, then a GZIP stream of
 * (uvarint length, document) pairs ended by a zero length. See {@code FORMAT.md}, "Packed form".
 */
final class PackedSource implements DocumentSource {
  private final Path file;
  private final DataInputStream in;
  private boolean done;

  PackedSource(Path file) throws TraceException {
    this.file = file;
    InputStream raw = null;
    try {
      raw = new BufferedInputStream(Files.newInputStream(file));
      byte[] magic = new byte[Format.PACK_MAGIC.length + 1];
      int n = raw.readNBytes(magic, 0, magic.length);
      if (n < magic.length
          || !java.util.Arrays.equals(
              magic, 0, Format.PACK_MAGIC.length, Format.PACK_MAGIC, 0, Format.PACK_MAGIC.length)) {
        throw new TraceException(
            Problem.NOT_A_TRACE, file, "neither a trace directory nor a packed trace file");
      }
      int version = magic[Format.PACK_MAGIC.length] & 0xFF;
      if (version != Format.PACK_VERSION) {
        throw new TraceException(
            Problem.UNSUPPORTED_VERSION,
            file,
            "packed container version " + version + "; this reader reads " + Format.PACK_VERSION);
      }
      in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    } catch (TraceException e) {
      closeQuietly(raw);
      throw e;
    } catch (ZipException | EOFException e) {
      closeQuietly(raw);
      throw new TraceException(
          Problem.CORRUPT, file, "packed data unreadable: " + e.getMessage(), e);
    } catch (IOException e) {
      closeQuietly(raw);
      throw new TraceException(Problem.IO, file, e.toString(), e);
    }
  }

  @Override
  public byte[] next() throws TraceException {
    if (done) {
      return null;
    }
    try {
      long len = readUvarint();
      if (len == 0) {
        done = true;
        return null;
      }
      if (len > Format.MAX_DOC_BYTES) {
        throw new TraceException(Problem.CORRUPT, file, "packed document of " + len + " bytes");
      }
      byte[] a = new byte[(int) len];
      in.readFully(a);
      return a;
    } catch (EOFException e) {
      throw new TraceException(Problem.CORRUPT, file, "packed file ends early (truncated)", e);
    } catch (ZipException e) {
      throw new TraceException(Problem.CORRUPT, file, "packed data: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new TraceException(Problem.IO, file, e.toString(), e);
    }
  }

  private long readUvarint() throws IOException, TraceException {
    long v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.readUnsignedByte();
      v |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        return v;
      }
    }
    throw new TraceException(Problem.CORRUPT, file, "packed document length overflows");
  }

  @Override
  public void close() {
    closeQuietly(in);
  }

  private static void closeQuietly(java.io.Closeable c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }
}
