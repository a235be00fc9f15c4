package io.hbtrace.agent.forked;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad options, a missing or malformed spec, an unwritable output directory: one line each on
 * stderr, and the program runs on with its output and exit code unchanged.
 */
class BadInputForkedTest {
  private static final String MAIN = "io.hbtrace.agenttest.logsegment.LogSegmentMain";
  private static final String OUTPUT = "hello |hello world, log!x\n";

  @TempDir static Path tmp;

  private static Path badSpec;
  private static Path notEmpty;

  @BeforeAll
  static void files() throws Exception {
    badSpec = Files.writeString(tmp.resolve("bad.spec"), "spec 1\nat exit a.B#c -> NOPE\n");
    notEmpty = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(notEmpty.resolve("x"), "x");
    Files.writeString(tmp.resolve("afile"), "x");
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("", "missing option out=DIR"),
        Arguments.of("out=" + tmp.resolve("a") + ",colour=red", "unknown option 'colour'"),
        Arguments.of("out=" + tmp.resolve("b") + ",verbose=yes", "bad option 'verbose'"),
        Arguments.of(
            "out=" + tmp.resolve("c") + ",spec=" + tmp.resolve("none.spec"),
            "spec file not found: " + tmp.resolve("none.spec")),
        Arguments.of(
            "out=" + tmp.resolve("d") + ",spec=" + badSpec,
            badSpec + ":2: unknown event kind 'NOPE'"),
        Arguments.of("out=" + notEmpty, "directory is not empty"),
        Arguments.of("out=" + tmp.resolve("afile"), "not a directory"),
        Arguments.of("out=/proc/hbtrace-cannot-write", "cannot write the trace to /proc/"),
        Arguments.of(
            "out=" + tmp.resolve("e") + ",replay=" + tmp.resolve("none"),
            "cannot replay " + tmp.resolve("none")),
        Arguments.of(
            "out=" + tmp.resolve("f") + ",replay=" + tmp.resolve("none") + ",replayResult=" + tmp,
            "cannot write replayResult " + tmp + ": it is a directory"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("cases")
  void oneLineAndTheProgramRunsOn(String options, String message) throws Exception {
    Result r =
        ForkedJvm.run(
            ForkedJvm.current(),
            List.of(ForkedJvm.javaagent(options.isEmpty() ? null : options)),
            ForkedJvm.testClasses(),
            MAIN);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(OUTPUT);
    // a refused start leaves no trace behind (it left an empty one, which a later run refused)
    assertThat(tmp.resolve("e")).doesNotExist();
    assertThat(tmp.resolve("f")).doesNotExist();
    assertThat(r.agentLines()).hasSize(1);
    assertThat(r.agentLines().get(0)).contains(message).endsWith("; the program runs unrecorded");
  }

  @Test
  void failOnErrorStopsTheProgramWithADistinctStatus() throws Exception {
    Jdk jdk = ForkedJvm.current();
    Result r =
        ForkedJvm.run(
            jdk,
            List.of(ForkedJvm.javaagent("out=" + notEmpty + ",failOnError=true")),
            ForkedJvm.testClasses(),
            MAIN);
    assertThat(r.exit()).isEqualTo(78);
    assertThat(r.out()).isEmpty();
    assertThat(r.agentLines()).singleElement().asString().endsWith("; stopping (failOnError=true)");
  }

  /**
   * A program none of whose classes the spec includes (the built-in spec names sample-fs only) is
   * recorded to its end, and told at exit that the trace holds none of its events.
   */
  @Test
  void aProgramTheSpecDoesNotIncludeIsToldSoAtExit() throws Exception {
    Result r =
        ForkedJvm.run(
            ForkedJvm.current(),
            List.of(ForkedJvm.javaagent("out=" + tmp.resolve("none-included"))),
            ForkedJvm.testClasses(),
            MAIN);
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(OUTPUT);
    assertThat(r.agentLines())
        .singleElement()
        .asString()
        .contains("no class was instrumented: spec builtin:sample-fs includes none");
  }

  /**
   * A second start while an agent records (as when JAVA_TOOL_OPTIONS carries one and {@code hbtrace
   * record} adds its own): with failOnError the program is stopped, not run to its end unrecorded.
   */
  @Test
  void aSecondStartWithFailOnErrorStopsTheProgram() throws Exception {
    Result r =
        ForkedJvm.run(
            ForkedJvm.current(),
            List.of(
                ForkedJvm.javaagent("out=" + tmp.resolve("first")),
                ForkedJvm.javaagent("out=" + tmp.resolve("second") + ",failOnError=true")),
            ForkedJvm.testClasses(),
            MAIN);
    assertThat(r.exit()).isEqualTo(78);
    assertThat(r.out()).isEmpty();
    assertThat(r.agentLines())
        .singleElement()
        .asString()
        .contains("already recording in this JVM")
        .endsWith("; stopping (failOnError=true)");
  }
}
