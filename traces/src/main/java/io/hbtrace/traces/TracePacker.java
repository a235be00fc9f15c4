package io.hbtrace.traces;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Packs a trace directory into one small file (for {@code traces/captured/} and bug reports): the
 * same documents in the same order, GZIP-compressed, without Chronicle's sparse 16 MiB files and
 * index. {@link TraceReader#open} reads it like the directory. See {@code FORMAT.md}, "Packed
 * form".
 */
public final class TracePacker {
  private TracePacker() {}

  /**
   * Writes {@code packedFile} (replacing it) from the trace in {@code traceDir}. The trace is read
   * through first, as every reader reads it, so that a damaged one is refused rather than packed;
   * it is read only as far as its documents go: a truncated trace packs as truncated.
   *
   * @throws TraceException if {@code traceDir} is not a readable trace
   * @throws IOException if {@code packedFile} cannot be written (nothing is left at its place)
   */
  public static void pack(Path traceDir, Path packedFile) throws TraceException, IOException {
    ChronicleHygiene.apply();
    try (TraceReader check = TraceReader.open(traceDir)) {
      while (check.next() != null) {
        // every document decoded and its checksum checked
      }
    }
    Path tmp = packedFile.resolveSibling(packedFile.getFileName() + ".tmp");
    try (DocumentSource src = TraceSources.open(traceDir)) {
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        raw.write(Format.PACK_MAGIC);
        raw.write(Format.PACK_VERSION);
        try (GZIPOutputStream z = new BestGzip(raw)) {
          byte[] len = new byte[10];
          for (byte[] doc = src.next(); doc != null; doc = src.next()) {
            z.write(len, 0, Format.putUvarint(len, 0, doc.length));
            z.write(doc);
          }
          z.write(0); // end of pack
        }
      }
      Files.move(tmp, packedFile, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // best effort
      }
    }
  }

  private static final class BestGzip extends GZIPOutputStream {
    BestGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_COMPRESSION);
    }
  }
}
