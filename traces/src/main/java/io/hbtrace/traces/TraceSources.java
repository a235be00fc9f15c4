package io.hbtrace.traces;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Decides what a path is before Chronicle touches it, so each kind of bad input gets its own
 * problem and one-line message: missing, empty, foreign files, half-created queue, packed file.
 */
final class TraceSources {
  static final String QUEUE_METADATA = "metadata.cq4t";

  private TraceSources() {}

  static DocumentSource open(Path path) throws TraceException {
    if (!Files.exists(path)) {
      throw new TraceException(Problem.NOT_FOUND, path, "no such file or directory");
    }
    if (Files.isRegularFile(path)) {
      return openFile(path);
    }
    if (!Files.isDirectory(path)) {
      throw new TraceException(Problem.NOT_A_TRACE, path, "neither a directory nor a file");
    }
    List<Path> queueFiles = new ArrayList<>();
    boolean metadata = false;
    boolean any = false;
    boolean claimed = false;
    try (Stream<Path> s = Files.list(path)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        any = true;
        String name = p.getFileName().toString();
        if (name.equals(QUEUE_METADATA)) {
          metadata = true;
        } else if (name.equals(TraceWriter.CLAIM)) {
          claimed = true;
        } else if (name.endsWith(".cq4") && Files.isRegularFile(p)) {
          queueFiles.add(p);
        }
      }
    } catch (IOException e) {
      throw new TraceException(Problem.IO, path, "cannot list directory: " + e, e);
    }
    if (!any) {
      throw new TraceException(Problem.EMPTY, path, "empty directory");
    }
    if (queueFiles.isEmpty() && !metadata && claimed) {
      throw new TraceException(
          Problem.HALF_INITIALISED,
          path,
          "a writer claimed the directory and wrote nothing (it died starting, or is starting)");
    }
    if (queueFiles.isEmpty() && !metadata) {
      throw new TraceException(
          Problem.NOT_A_TRACE, path, "directory holds no Chronicle queue files (*.cq4)");
    }
    try {
      if (!metadata || Files.size(path.resolve(QUEUE_METADATA)) == 0) {
        throw new TraceException(
            Problem.HALF_INITIALISED,
            path,
            QUEUE_METADATA + " missing or empty: the writer died while creating the queue");
      }
      if (queueFiles.isEmpty()) {
        throw new TraceException(
            Problem.HALF_INITIALISED,
            path,
            "no queue file (*.cq4): the writer died before writing a record");
      }
      if (!startsWithHeader(path.resolve(QUEUE_METADATA), "STStore")) {
        throw new TraceException(
            Problem.HALF_INITIALISED,
            path,
            QUEUE_METADATA + " is unreadable: no Chronicle metadata header");
      }
      for (Path q : queueFiles) {
        long size = Files.size(q);
        if (size == 0) {
          throw new TraceException(
              Problem.HALF_INITIALISED,
              path,
              "queue file " + q.getFileName() + " is empty: the writer died while creating it");
        }
        if (!startsWithHeader(q, "SCQStore")) {
          throw new TraceException(
              Problem.CORRUPT,
              path,
              "queue file " + q.getFileName() + " does not start with a Chronicle store header");
        }
        // Chronicle grows its files by whole mapped chunks: a size that is not a whole number
        // of pages means the file was cut, and reading its last records would fault
        if (size % PAGE != 0) {
          throw new TraceException(
              Problem.CORRUPT,
              path,
              "queue file "
                  + q.getFileName()
                  + " is "
                  + size
                  + " bytes, not whole pages: the file was truncated");
        }
      }
    } catch (IOException e) {
      throw new TraceException(Problem.IO, path, e.toString(), e);
    }
    ChronicleHygiene.apply();
    try {
      return new ChronicleSource(path);
    } catch (TraceException e) {
      throw e;
    } catch (Throwable t) {
      throw classify(path, t);
    }
  }

  private static final int PAGE = 4096;

  /** Whether the file's first bytes are a Chronicle header document naming {@code type}. */
  private static boolean startsWithHeader(Path file, String type) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(32);
    }
    String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
    return text.contains("header") && text.contains(type);
  }

  private static TraceException classify(Path path, Throwable t) {
    String msg = String.valueOf(t.getMessage());
    if (t instanceof IllegalAccessError
        || t instanceof ExceptionInInitializerError
        || t instanceof NoClassDefFoundError
        || msg.contains("IllegalAccess")
        || msg.contains("does not \"opens")
        || msg.contains("does not \"exports")) {
      return new TraceException(
          Problem.IO,
          path,
          "Chronicle Queue could not start ("
              + t
              + "); the JVM needs "
              + ChronicleHygiene.JVM_FLAGS,
          t);
    }
    if (msg.contains("lock") || msg.contains(QUEUE_METADATA)) {
      return new TraceException(
          Problem.HALF_INITIALISED, path, "Chronicle cannot open the queue: " + msg, t);
    }
    return new TraceException(Problem.CORRUPT, path, "Chronicle cannot open the queue: " + msg, t);
  }

  private static DocumentSource openFile(Path file) throws TraceException {
    try {
      if (Files.size(file) == 0) {
        throw new TraceException(Problem.EMPTY, file, "empty file");
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] head = in.readNBytes(Format.PACK_MAGIC.length);
        if (!java.util.Arrays.equals(head, Format.PACK_MAGIC)) {
          throw new TraceException(
              Problem.NOT_A_TRACE, file, "neither a trace directory nor a packed trace file");
        }
      }
    } catch (IOException e) {
      throw new TraceException(Problem.IO, file, e.toString(), e);
    }
    return new PackedSource(file);
  }
}
