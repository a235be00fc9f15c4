package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.analyzer.TraceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hbtrace replay}, for real: the captured generic/418 failure replayed by the agent follows
 * its recording to the last event and shows the same corruption again; a recording the program
 * cannot follow is reported as diverged; bad inputs get one line each.
 */
class ReplayCommandTest {
  static final Path CAPTURED =
      Path.of("..", "traces", "captured", "generic418-prefix-corruption.hbt").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void theCapturedCorruptionHappensAgain() {
    Path kept = tmp.resolve("again");
    Cli r = Cli.run("replay", CAPTURED.toString(), "--out", kept.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("hbtrace replay: io.hbtrace.samplefs.cli.SampleFsMain dio-invalidate-cache")
        .contains("FAIL - comparison failed")
        .containsPattern("replay: followed the recording(: | to its end, )([0-9,]+) of \\2 events")
        .containsPattern("recorded run: .*s4 x[0-9]+ \\([0-9]+ observed\\)")
        .contains("(the same)");
    Cli check = Cli.run("check", "--checks", "s4", kept.toString());
    assertThat(check.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(check.out()).contains("the corruption SHOWED in this run");
  }

  @Test
  void aProgramThatDoesOtherwiseDiverges() throws Exception {
    Path trace = scripted();
    Cli r = Cli.run("replay", trace.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.DIVERGED);
    assertThat(r.out()).contains("replay: DIVERGED: ").contains("recorded events)");
  }

  @Test
  void aTraceRecordedWithAnotherSpecIsRefused() throws Exception {
    Path other = Files.writeString(tmp.resolve("other.spec"), "spec 1\ninclude io.hbtrace.\n");
    Cli r = Cli.run("replay", CAPTURED.toString(), "--spec", other.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.RUN);
    assertThat(r.oneLineError()).as(r.err()).isTrue();
    assertThat(r.err()).contains("recorded with another tracepoint spec");
  }

  @Test
  void badInputsGetOneLine() throws Exception {
    Cli missing = Cli.run("replay", tmp.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(missing.oneLineError()).isTrue();
    Cli none = Cli.run("replay");
    assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aMissingClassPathEntryIsNamed() {
    Path missing = tmp.resolve("nonexistent.jar");
    Cli.run("replay", CAPTURED.toString(), "--classpath", missing.toString())
        .failsWith(ExitCodes.USAGE, "no such file or directory: " + missing);
  }

  /** --java picks the JVM the program is replayed on (here a wrapper that leaves a mark). */
  @Test
  void replayRunsOnTheJavaGiven() throws Exception {
    Path mark = tmp.resolve("used");
    Path java = tmp.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\ntouch '"
            + mark
            + "'\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' \"$@\"\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Path trace = scripted();
    Cli r = Cli.run("replay", trace.toString(), "--java", java.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.DIVERGED);
    assertThat(mark).exists();
  }

  @Test
  void aTakenOutDirectoryOrABadJavaIsRefusedBeforeRunning() throws Exception {
    Path full = Files.createDirectory(tmp.resolve("full"));
    Files.writeString(full.resolve("x"), "x");
    Cli.run("replay", CAPTURED.toString(), "--out", full.toString())
        .failsWith(ExitCodes.OUTPUT, "directory is not empty");
    Cli.run("replay", CAPTURED.toString(), "--java", tmp.resolve("nojava").toString())
        .failsWith(ExitCodes.USAGE, "--java: not an executable file");
  }

  /** A program that cannot even start (its classes are not there) did not run: 4, not 6. */
  @Test
  void aProgramThatCannotStartIsAFailureToRun() throws Exception {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Cli r = Cli.run("replay", CAPTURED.toString(), "--classpath", empty.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.RUN);
    assertThat(r.err()).contains("the program did not run (exit 1)");
  }

  /** Steps forced out of turn are not passed off as the recorded order. */
  @Test
  void forcedStepsAreNotCalledTheRecordedOrder() {
    java.util.Properties p = new java.util.Properties();
    p.setProperty("status", "followed");
    p.setProperty("followed", "48");
    p.setProperty("scheduled", "48");
    p.setProperty("forced", "0");
    assertThat(ReplayCommand.outcomeLine(p, true))
        .isEqualTo("replay: followed the recording: 48 of 48 events in the recorded order");
    p.setProperty("forced", "12");
    assertThat(ReplayCommand.outcomeLine(p, true))
        .startsWith("replay: followed the recording to its end, 48 of 48 events, but 12 steps were")
        .contains("the order may differ from the recording")
        .doesNotContain("in the recorded order");
    p.setProperty("status", "diverged");
    p.setProperty("divergence", "thread 'w0' reached LOCK_ACQUIRE after its last recorded event");
    p.setProperty("truncated", "true");
    assertThat(ReplayCommand.outcomeLine(p, false))
        .startsWith("replay: DIVERGED: thread 'w0' reached")
        .contains("the recording is truncated");
  }

  /** A made-up trace of one sample-fs write that the real program does otherwise. */
  private Path scripted() throws Exception {
    TraceBuilder script = new TraceBuilder();
    script.write(1, 0, 1024, 0, false);
    return TraceFiles.write(
        script,
        tmp.resolve("scripted"),
        List.of("dio-invalidate-cache", "--variant", "upstream", "-w", "-n", "1", "--repeat", "1"));
  }
}
