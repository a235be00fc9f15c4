package io.hbtrace.analyzer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.Analysis;
import io.hbtrace.analyzer.TraceSymbols;
import io.hbtrace.analyzer.check.CheckRegistry;
import io.hbtrace.analyzer.report.Finding;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real recordings for end-to-end tests: sample-fs run in a forked JVM with the agent jar attached
 * by {@code -javaagent} (the analyzer launches the agent, it never links it). The jars are those
 * the reactor built before this module's tests ({@code mvn verify} from the root).
 */
final class Recordings {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path AGENT = ROOT.resolve("agent/target/hbtrace-agent.jar");
  static final Path SAMPLE_FS = ROOT.resolve("sample-fs/target/sample-fs.jar");

  /**
   * The spec of a one-class program whose nested class {@code Sized} publishes a size its spec maps
   * to i_size ({@code publish(long)}, with {@code id} the inode number and {@code size} the old
   * one).
   */
  static final String SIZED_SPEC =
      """
      spec 1
      include %1$s
      at enter %1$s$Sized#publish(J)V -> SIZE_UPDATE ino=this.id oldSize=this.size newSize=arg0
      """;

  /** The nested class {@link #SIZED_SPEC} maps, for a program's main class to declare. */
  static final String SIZED_CLASS =
      """
      static final class Sized {
        final long id = 7;
        volatile long size;

        void publish(long n) {
          size = n;
        }
      }
      """;

  private Recordings() {}

  /**
   * Compiles the one-class program {@code source} (class {@code main}, no package) and records it
   * run with {@code args}, the agent given {@code spec} (whose text may say {@code %s} for the
   * class's name).
   */
  static Path recordProgram(Path dir, String main, String source, String spec, String... args)
      throws IOException, InterruptedException {
    Path classes = Files.createDirectories(dir.resolve(main + "-classes"));
    Path src = Files.writeString(dir.resolve(main + ".java"), source);
    assertThat(
            javax.tools.ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", classes.toString(), src.toString()))
        .as("javac " + src)
        .isZero();
    Path specFile = Files.writeString(dir.resolve(main + ".spec"), spec.formatted(main));
    Path out = dir.resolve(main + "-trace");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-javaagent:" + AGENT + "=out=" + out + ",spec=" + specFile);
    cmd.add("-cp");
    cmd.add(classes.toString());
    cmd.add(main);
    cmd.addAll(List.of(args));
    return run(cmd, dir, main, out);
  }

  /** A trace checked with every check: the findings, and the analysis that found them. */
  record Checked(List<Finding> findings, Analysis analysis) {}

  /** Checks {@code trace} with every check, after reading it to its end (it is not truncated). */
  static Checked check(Path trace) throws Exception {
    try (TraceReader r = TraceReader.open(trace)) {
      Analysis a = new Analysis(new TraceSymbols(r), CheckRegistry.all());
      Event e;
      while ((e = r.next()) != null) {
        a.accept(e);
      }
      assertThat(r.truncated()).isFalse();
      return new Checked(a.finish(), a);
    }
  }

  /**
   * Checks {@code trace} with every check: its findings as "check title", after asserting that it
   * holds {@code updates} size updates (-1: any number).
   */
  static List<String> findings(Path trace, int updates) throws Exception {
    Checked c = check(trace);
    if (updates >= 0) {
      assertThat(c.analysis().count(EventKind.SIZE_UPDATE)).isEqualTo(updates);
    }
    return c.findings().stream().map(f -> f.check() + " " + f.title()).toList();
  }

  static Path record(Path dir, String name, String... workload)
      throws IOException, InterruptedException {
    assertThat(AGENT)
        .as("the agent jar (build the reactor: mvn verify from the root)")
        .isRegularFile();
    assertThat(SAMPLE_FS).as("the sample-fs jar").isRegularFile();
    Path out = dir.resolve(name);
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-javaagent:" + AGENT + "=out=" + out);
    cmd.add("-jar");
    cmd.add(SAMPLE_FS.toString());
    cmd.addAll(List.of(workload));
    return run(cmd, dir, name, out);
  }

  private static Path run(List<String> cmd, Path dir, String name, Path out)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile(dir, name, ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("recording finished").isTrue();
    assertThat(p.exitValue())
        .as("workload exit, output: %s", Files.readString(log))
        .isLessThanOrEqualTo(1);
    return out;
  }
}
