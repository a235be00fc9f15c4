package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.TraceReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * record and attach with the real agent: a trace when the agent starts, and when it refuses (here:
 * an output directory under a regular file), one line with its reason and exit 4, never a claim
 * that something was recorded.
 */
class AgentStartTest {
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path tmp;

  @Test
  void recordWritesATrace() {
    Path out = tmp.resolve("trace");
    Cli r = Cli.run("record", "--out", out.toString(), "--", JAVA, "-version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("trace written to " + out);
    assertThat(out).isDirectory();
  }

  /** {@code {pid}} in --out is the program's process id, in the message too; a built-in spec. */
  @Test
  void recordNamesTheDirectoryItWroteAndTakesABuiltInSpec() {
    Cli r =
        Cli.run(
            "record",
            "--out",
            tmp.resolve("{pid}").toString(),
            "--spec",
            "builtin:sample-fs",
            "--",
            JAVA,
            "-version");
    assertThat(r.exitCode()).as(r.err()).isZero();
    String written =
        r.err()
            .lines()
            .filter(l -> l.startsWith("hbtrace: trace written to "))
            .findFirst()
            .orElseThrow();
    Path dir = Path.of(written.substring("hbtrace: trace written to ".length()));
    assertThat(dir.getFileName().toString()).matches("[0-9]+");
    assertThat(dir).isDirectory();
  }

  /** A program killed (here: halted as SIGKILL would leave it) has a trace without an end. */
  @Test
  void recordSaysAKilledProgramsTraceHasNoEnd() throws Exception {
    Path out = tmp.resolve("killed");
    String cp = System.getProperty("java.class.path");
    Cli r = Cli.run("record", "--out", out.toString(), "--", JAVA, "-cp", cp, Halt.class.getName());
    assertThat(r.exitCode()).isEqualTo(137);
    assertThat(r.err())
        .contains("it has no end record: the program was killed or halted (exit code 137)");
    try (TraceReader t = TraceReader.open(out)) {
      while (t.next() != null) {
        // drain
      }
      assertThat(t.truncated()).isTrue();
    }
  }

  /** An exit code above 128 of a program that exited is not taken for a signal. */
  @Test
  void recordSaysNothingOfAnEndOfAProgramThatExitedWith137() {
    Path out = tmp.resolve("exited");
    String cp = System.getProperty("java.class.path");
    Cli r =
        Cli.run(
            "record", "--out", out.toString(), "--", JAVA, "-cp", cp, Halt.class.getName(), "exit");
    assertThat(r.exitCode()).isEqualTo(137);
    assertThat(r.err()).contains("hbtrace: trace written to " + out).doesNotContain("no end");
  }

  @Test
  void aJavaCommandWithoutTheDashesIsAUsageErrorWithAHint() {
    Cli.run("record", "--out", tmp.resolve("t").toString(), JAVA, "-cp", "x", "Main")
        .failsWith(ExitCodes.USAGE, "the java command goes after --");
  }

  @Test
  void anEmptyOrBlankEdgedPathIsAUsageError() {
    Cli.run("record", "--out", "", "--", JAVA, "-version")
        .failsWith(ExitCodes.USAGE, "--out is empty");
    Cli.run("record", "--out", tmp.resolve("t ").toString(), "--", JAVA, "-version")
        .failsWith(ExitCodes.USAGE, "--out begins or ends with a blank");
    Cli.run("record", "--out", tmp.resolve("t").toString(), "--spec", "", "--", JAVA, "-version")
        .failsWith(ExitCodes.USAGE, "--spec is empty");
  }

  @Test
  void recordSaysWhyTheAgentDidNotStart() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    Cli r =
        Cli.run("record", "--out", file.resolve("x").toString(), "--", JAVA, "-version")
            .failsWith(ExitCodes.RUN, "the agent did not start: ");
    assertThat(r.err()).contains("not a directory").doesNotContain("trace written");
  }

  /**
   * The CLI stopped (SIGTERM) while the recorded program runs: the program is stopped too, and its
   * trace ends (it ran on before, orphaned).
   */
  @Test
  void stoppingRecordStopsTheProgram() throws Exception {
    String cp = System.getProperty("java.class.path");
    Path out = tmp.resolve("trace");
    Process cli =
        new ProcessBuilder(
                JAVA,
                "-cp",
                cp,
                HbtraceMain.class.getName(),
                "record",
                "--out",
                out.toString(),
                "--",
                JAVA,
                "-cp",
                cp,
                AttachTarget.class.getName())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).isEqualTo("ready");
      ProcessHandle program = cli.descendants().findFirst().orElseThrow();
      cli.destroy();
      assertThat(cli.waitFor(30, TimeUnit.SECONDS)).isTrue();
      program.onExit().get(30, TimeUnit.SECONDS);
      assertThat(program.isAlive()).isFalse();
    } finally {
      cli.descendants().forEach(ProcessHandle::destroyForcibly);
      cli.destroyForcibly();
    }
    try (TraceReader r = TraceReader.open(out)) {
      while (r.next() != null) {
        // drain
      }
      assertThat(r.end()).as("the agent ended the trace").isPresent();
    }
  }

  /** The agent writes its start result as UTF-8: a reason naming "spéc.spec" reads back as such. */
  @Test
  void theStartResultIsReadAsUtf8() throws Exception {
    Path file = tmp.resolve("start");
    java.util.Properties p = new java.util.Properties();
    p.setProperty("status", "refused");
    p.setProperty("message", "spéc.spec:1: expected 'spec 1'");
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
    assertThat(JavaRun.result(file).getProperty("message"))
        .isEqualTo("spéc.spec:1: expected 'spec 1'");
  }

  @Test
  void attachSaysWhyTheAgentDidNotStartAndTheProgramRunsOn() throws Exception {
    Process target =
        new ProcessBuilder(
                JAVA, "-cp", System.getProperty("java.class.path"), AttachTarget.class.getName())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).isEqualTo("ready");
      String pid = Long.toString(target.pid());
      Path file = Files.writeString(tmp.resolve("file"), "x");

      Cli refused =
          Cli.run("attach", pid, "--out", file.resolve("x").toString())
              .failsWith(ExitCodes.RUN, "the agent did not start in JVM " + pid);
      assertThat(refused.err()).contains("not a directory");
      assertThat(refused.out()).doesNotContain("attached");

      Path out = tmp.resolve("trace");
      Cli attached = Cli.run("attach", pid, "--out", out.toString());
      assertThat(attached.exitCode()).as(attached.err()).isZero();
      assertThat(attached.out()).contains("attached to " + pid + ": recording into " + out);
      assertThat(out).isDirectory();

      Cli again = Cli.run("attach", pid, "--out", tmp.resolve("again").toString());
      assertThat(again.exitCode()).isEqualTo(ExitCodes.RUN);
      assertThat(again.err()).contains("already recording");
      assertThat(target.isAlive()).isTrue();
    } finally {
      target.destroyForcibly();
      target.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
