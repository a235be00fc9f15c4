package io.hbtrace.agent.core;

import io.hbtrace.agent.record.NullTraceOutput;
import io.hbtrace.agent.record.StartInfo;
import io.hbtrace.agent.record.TextTraceOutput;
import io.hbtrace.agent.record.TraceOutput;
import io.hbtrace.agent.record.TraceWriterOutput;
import io.hbtrace.traces.TraceException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** Creates the trace output the options ask for, in a directory that must be absent or empty. */
final class Outputs {
  private Outputs() {}

  static TraceOutput open(Path out, String format, StartInfo start) throws OutputException {
    Path dir = out.toAbsolutePath();
    if (format.equals("none")) {
      return new NullTraceOutput();
    }
    checkFresh(dir);
    if (format.equals("text")) {
      try {
        return new TextTraceOutput(dir, start);
      } catch (IOException | RuntimeException e) {
        throw new OutputException("cannot write the trace to " + dir + ": " + describe(e, dir));
      }
    }
    if (ModuleLayer.boot().findModule("jdk.unsupported").isEmpty()) {
      throw new OutputException(
          "cannot write the trace to "
              + dir
              + ": the trace writer needs module jdk.unsupported, which this JVM did not resolve"
              + " (a modular application started with -m): add --add-modules jdk.unsupported");
    }
    // The writer points Chronicle's "system.properties" at a path that cannot exist, JVM-wide, so
    // that it does not load ./system.properties. Chronicle reads it once, when it initialises (in
    // create); afterwards the user's setting is put back, so that an application's own Chronicle
    // still loads its file. (Its other switches, no analytics, banner or extra threads, stay.)
    String userSetting = System.getProperty("system.properties");
    try {
      return TraceWriterOutput.create(dir, start);
    } catch (TraceException e) {
      throw new OutputException("cannot write the trace to " + dir + ": " + e.getMessage());
    } catch (RuntimeException | LinkageError e) {
      throw new OutputException("cannot write the trace to " + dir + ": " + e);
    } finally {
      if (userSetting == null) {
        System.clearProperty("system.properties");
      }
    }
  }

  static void checkFresh(Path dir) throws OutputException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        if (s.findAny().isPresent()) {
          throw new OutputException(
              "cannot write the trace to " + dir + ": directory is not empty (give a fresh one)");
        }
      } catch (IOException e) {
        throw new OutputException("cannot write the trace to " + dir + ": " + describe(e, dir));
      }
    } else if (Files.exists(dir)) {
      throw new OutputException("cannot write the trace to " + dir + ": not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new OutputException("cannot write the trace to " + dir + ": " + describe(e, dir));
    }
    if (!Files.isWritable(dir)) {
      throw new OutputException("cannot write the trace to " + dir + ": not writable");
    }
  }

  /**
   * A result file the agent writes at exit ({@code option=path}, or null for none): refused now if
   * it is a directory or its directory does not exist.
   */
  static void checkResultFile(Path file, String option) throws OutputException {
    if (file == null) {
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw new OutputException("cannot write " + option + " " + file + ": it is a directory");
    }
    if (parent != null && !Files.isDirectory(parent)) {
      throw new OutputException(
          "cannot write " + option + " " + file + ": no such directory " + parent);
    }
  }

  /** What went wrong, in words: the file system's reason and the path it names, if another. */
  static String describe(Exception e, Path dir) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied" + elsewhere(a.getFile(), dir);
    }
    if (e instanceof NoSuchFileException n) {
      return "no such file or directory" + elsewhere(n.getFile(), dir);
    }
    if (e instanceof FileAlreadyExistsException f) {
      return "a file is in the way" + elsewhere(f.getFile(), dir);
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT) + elsewhere(f.getFile(), dir);
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String elsewhere(String file, Path dir) {
    return file == null || file.equals(dir.toString()) ? "" : " (" + file + ")";
  }
}
