package io.hbtrace.traces;

import io.hbtrace.traces.event.EventKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Helpers shared by the tests (also used by bench through the test-jar). */
public final class Traces {
  private Traces() {}

  public static final TraceStart START =
      new TraceStart(
          "hbtrace-test", "0.0-test", "io.hbtrace.Test", List.of("a", "b c"), Map.of("k", "v"));

  /** Records {@code kind} with fields {@code f} (missing ones 0). */
  public static void rec(TraceWriter w, EventKind kind, int site, long... f) {
    long[] g = java.util.Arrays.copyOf(f, EventKind.MAX_FIELDS);
    w.record(kind.code(), site, g[0], g[1], g[2], g[3], g[4], g[5]);
  }

  public static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(
              x -> {
                try {
                  Files.delete(x);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JVM flags Chronicle needs, for forked JVMs. */
  public static List<String> chronicleJvmFlags() {
    return List.of(ChronicleHygiene.JVM_FLAGS.split(" "));
  }
}
