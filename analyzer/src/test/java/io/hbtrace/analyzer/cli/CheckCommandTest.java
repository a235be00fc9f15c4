package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.hbtrace.analyzer.Scenarios;
import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.analyzer.TraceFiles;
import io.hbtrace.analyzer.report.JsonTree;
import io.hbtrace.analyzer.report.SarifShape;
import io.hbtrace.traces.event.EventKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
  @TempDir Path tmp;

  private Path racy() throws Exception {
    return TraceFiles.write(
        Scenarios.generic418Failure(),
        tmp.resolve("racy"),
        List.of("dio-invalidate-cache", "--variant", "pre-fix"));
  }

  private Path fixed() throws Exception {
    TraceBuilder t = new TraceBuilder().mount(1);
    t.start(1, 2).start(1, 3);
    t.write(2, 0, 1024, 0, true);
    t.write(3, 1024, 1024, 1024, true);
    t.fillPage(2, 0, 2048);
    t.copyAndVerify(2, 0, 1024, 2048, -1);
    t.join(1, 2).join(1, 3);
    return TraceFiles.write(
        t, tmp.resolve("fixed"), List.of("dio-invalidate-cache", "--variant", "upstream"));
  }

  @Test
  void racyTraceHasFindingsAndExitsOne() throws Exception {
    Cli r = Cli.run("check", racy().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(r.out())
        .contains("variant pre-fix")
        .contains("S2 error  stale-i_size window")
        .contains("the corruption SHOWED in this run")
        .contains("child-1 (writer)")
        .contains("child-0 (reader)");
  }

  @Test
  void fixedTraceIsCleanAndExitsZero() throws Exception {
    Cli r = Cli.run("check", fixed().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("clean: no findings");
  }

  /** A trace with nothing the checks look at says so above its "clean". */
  @Test
  void aTraceWithoutDomainEventsOrWithoutEventsIsCleanWithAWarning() throws Exception {
    TraceBuilder syncOnly = new TraceBuilder();
    syncOnly.start(1, 2).raw(EventKind.MONITOR_ENTER, 2, 7).raw(EventKind.MONITOR_EXIT, 2, 7);
    syncOnly.join(1, 2);
    Cli r = Cli.run("check", TraceFiles.write(syncOnly, tmp.resolve("sync"), List.of()).toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out())
        .contains("warning: the trace holds no domain events")
        .contains("clean: no findings");
    Cli empty =
        Cli.run(
            "check",
            TraceFiles.write(new TraceBuilder(), tmp.resolve("empty"), List.of()).toString());
    assertThat(empty.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(empty.out())
        .contains("warning: the trace holds no events: nothing the agent records happened");
    assertThat(Cli.run("check", fixed().toString()).out()).doesNotContain("warning:");
  }

  /**
   * A lock taken more often than given back (or the other way round) says so, naming the lock and
   * its last taker: a release the agent did not record would otherwise pass unnoticed.
   */
  @Test
  void locksTakenAndGivenBackUnequallyOftenAreAWarning() throws Exception {
    TraceBuilder t = new TraceBuilder().mount(1);
    t.start(1, 2).start(1, 3);
    t.write(2, 0, 1024, 0, true);
    int site = t.site("take");
    t.rawAt(EventKind.LOCK_ACQUIRE, 2, site, 41, 0).rawAt(EventKind.LOCK_ACQUIRE, 2, site, 42, 0);
    t.raw(EventKind.LOCK_RELEASE, 2, 42, 0).raw(EventKind.LOCK_RELEASE, 3, 43, 0);
    t.join(1, 2).join(1, 3);
    Cli r = Cli.run("check", TraceFiles.write(t, tmp.resolve("held"), List.of()).toString());
    assertThat(r.out())
        .contains("warning: 2 locks or monitors were taken and given back unequally often")
        .contains("still held at the end: lock 41, last taken by thread")
        .contains("given back more often than taken: lock 43")
        .doesNotContain("lock 42");
  }

  @Test
  void jsonCarriesChecksOperationsAndObserved() throws Exception {
    Cli r = Cli.run("check", "--format", "json", racy().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    List<String> checks = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    boolean observed = false;
    long events = -1;
    try (JsonParser p = new JsonFactory().createParser(r.out())) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.FIELD_NAME) {
          switch (p.currentName()) {
            case "check" -> checks.add(p.nextTextValue());
            case "kind" -> kinds.add(p.nextTextValue());
            case "observed" -> observed |= p.nextToken() == JsonToken.VALUE_TRUE;
            case "events" ->
                events = p.nextToken() == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : events;
            default -> {}
          }
        }
      }
    }
    assertThat(checks).contains("s1", "s2", "s3", "s4");
    assertThat(kinds).contains("PAGE_INVALIDATE", "SIZE_UPDATE", "PAGE_INSERT", "SIZE_SAMPLE");
    assertThat(observed).isTrue();
    assertThat(events).isEqualTo(Scenarios.generic418Failure().events().size());
  }

  /**
   * The check reads past the kinds no check reads (page lookups, copies out, ids' first uses); they
   * still count, and so does a thread that recorded nothing else.
   */
  @Test
  void eventsNoCheckReadsStillCountInTheTotals() throws Exception {
    TraceBuilder t = new TraceBuilder().mount(1);
    t.start(1, 2).start(1, 3);
    t.raw(EventKind.OBJECT_NEW, 2, 77, 0);
    t.write(2, 0, 1024, 0, true);
    t.raw(EventKind.PAGE_LOOKUP, 2, 12, 0, 0);
    t.raw(EventKind.OBJECT_NEW, 3, 78, 0); // thread 3 records only kinds no check reads
    t.raw(EventKind.COPY_OUT, 3, 12, 0, 1024);
    t.join(1, 2).join(1, 3);
    Path trace =
        TraceFiles.write(
            t, tmp.resolve("unread"), List.of("dio-invalidate-cache", "--variant", "upstream"));

    Cli r = Cli.run("check", "--format", "json", trace.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    Object log = JsonTree.parse(r.out());
    assertThat(JsonTree.at(log, "trace", "events")).isEqualTo((long) t.events().size());
    assertThat(JsonTree.at(log, "trace", "threads")).isEqualTo(3L);
    assertThat(Cli.run("check", trace.toString()).out())
        .contains(String.format("%,d events, 3 threads", t.events().size()));
  }

  @Test
  void sarifHasOneRulePerSelectedCheckAndTheSameExitCodes() throws Exception {
    Cli r = Cli.run("check", "--format", "sarif", "--checks", "s", racy().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    Object log = JsonTree.parse(r.out());
    assertThat(SarifShape.problems(log)).isEmpty();
    assertThat(JsonTree.array(JsonTree.at(log, "runs", 0, "tool", "driver", "rules")))
        .extracting(rule -> JsonTree.at(rule, "id"))
        .containsExactly("s1", "s2", "s3", "s4", "s5");
    assertThat(JsonTree.array(JsonTree.at(log, "runs", 0, "results")))
        .extracting(res -> JsonTree.at(res, "ruleId"))
        .contains("s1", "s2", "s3", "s4");
    Object variant = JsonTree.at(log, "runs", 0, "properties", "variant");
    assertThat(variant).isEqualTo("pre-fix");

    Cli clean = Cli.run("check", "--format", "sarif", fixed().toString());
    assertThat(clean.exitCode()).isEqualTo(ExitCodes.OK);
    Object empty = JsonTree.parse(clean.out());
    assertThat(SarifShape.problems(empty)).isEmpty();
    assertThat(JsonTree.array(JsonTree.at(empty, "runs", 0, "results"))).isEmpty();
  }

  @Test
  void sarifOfACapturedRecordingPointsAtTheModelsSources() {
    Path captured = Path.of("..", "traces", "captured", "generic418-prefix-corruption.hbt");
    Cli r = Cli.run("check", "--format", "sarif", captured.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    Object log = JsonTree.parse(r.out());
    assertThat(SarifShape.problems(log)).isEmpty();
    for (Object result : JsonTree.array(JsonTree.at(log, "runs", 0, "results"))) {
      assertThat(JsonTree.at(result, "locations", 0, "physicalLocation", "artifactLocation", "uri"))
          .asString()
          .startsWith("io/hbtrace/samplefs/")
          .endsWith(".java");
      assertThat(JsonTree.at(result, "partialFingerprints", "hbtraceSites/v1"))
          .asString()
          .hasSize(32);
    }
  }

  @Test
  void checksCanBeSelected() throws Exception {
    Cli r = Cli.run("check", "--checks", "o1,ci", racy().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("checks: o1,ci");
  }

  @Test
  void unknownCheckIsAUsageError() throws Exception {
    Cli r = Cli.run("check", "--checks", "s2,zz", racy().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.oneLineError()).isTrue();
    assertThat(r.err()).contains("unknown check 'zz'");
  }

  @Test
  void badFormatIsAUsageError() throws Exception {
    Cli r = Cli.run("check", "--format", "xml", racy().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.oneLineError()).isTrue();
  }

  @Test
  void noArgumentIsAUsageError() {
    Cli r = Cli.run("check");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.oneLineError()).isTrue();
    assertThat(r.err()).contains("TRACE");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli r = Cli.run();
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.oneLineError()).isTrue();
  }

  @Test
  void missingPath() {
    Cli r = Cli.run("check", tmp.resolve("nope").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(r.oneLineError()).isTrue();
    assertThat(r.err()).contains("nope");
  }

  @Test
  void aFileThatIsNotATrace() throws IOException {
    Path f = Files.writeString(tmp.resolve("notes.txt"), "hello");
    Cli r = Cli.run("check", f.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(r.oneLineError()).isTrue();
  }

  @Test
  void anEmptyDirectory() throws IOException {
    Path d = Files.createDirectory(tmp.resolve("empty"));
    Cli r = Cli.run("check", d.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(r.oneLineError()).isTrue();
    assertThat(r.err()).containsIgnoringCase("empty");
  }

  @Test
  void aDirectoryOfOtherFiles() throws IOException {
    Path d = Files.createDirectory(tmp.resolve("other"));
    Files.writeString(d.resolve("a.txt"), "a");
    Cli r = Cli.run("check", d.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(r.oneLineError()).isTrue();
  }

  @Test
  void aTruncatedTraceIsAnalysedUpToTheTearWithAWarning() throws Exception {
    List<Cli> runs = new ArrayList<>();
    TraceFiles.write(
        Scenarios.generic418Failure(),
        tmp.resolve("torn"),
        List.of("dio-invalidate-cache", "--variant", "pre-fix"),
        dir -> {
          runs.add(Cli.run("check", dir.toString()));
          runs.add(Cli.run("check", "--format", "json", dir.toString()));
          runs.add(Cli.run("check", "--format", "sarif", dir.toString()));
        });
    Cli text = runs.get(0);
    assertThat(text.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(text.out())
        .contains("TRUNCATED (no end record: analysed up to the tear)")
        .contains("S2 error  stale-i_size window");
    Cli json = runs.get(1);
    assertThat(json.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(json.out()).contains("\"truncated\" : true").contains("\"check\" : \"s2\"");
    assertThat(json.err()).contains("no end record").contains("analysed up to the tear");
    Cli sarif = runs.get(2);
    assertThat(sarif.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(sarif.err()).contains("no end record");
    Object log = JsonTree.parse(sarif.out());
    assertThat(JsonTree.at(log, "runs", 0, "properties", "truncated")).isEqualTo(true);
    assertThat(
            JsonTree.at(
                log,
                "runs",
                0,
                "invocations",
                0,
                "toolExecutionNotifications",
                0,
                "message",
                "text"))
        .asString()
        .containsIgnoringCase("no end record");
  }

  @Test
  void anotherProgramsChronicleQueue() {
    Path d = tmp.resolve("foreign");
    try (SingleChronicleQueue q = SingleChronicleQueueBuilder.single(d.toFile()).build();
        ExcerptAppender a = q.createAppender();
        DocumentContext dc = a.writingDocument()) {
      dc.wire().write("price").float64(1.5);
    }
    Cli r = Cli.run("check", d.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(r.oneLineError()).isTrue();
    assertThat(r.err()).contains("not an hbtrace START record");
  }

  @Test
  void aCorruptedTrace() throws Exception {
    Path dir = racy();
    TraceFiles.corruptEvents(dir);
    Cli r = Cli.run("check", dir.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(r.oneLineError()).isTrue();
  }

  @Test
  void verboseAddsTheStack() {
    Cli r = Cli.run("check", "--verbose", tmp.resolve("nope").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(r.err()).contains("\tat ");
  }

  @Test
  void anEmptyCheckNameOrAPageOfPartBlocksIsAUsageError() throws Exception {
    Path racy = racy();
    Cli.run("check", "--checks", "s2,,o1", racy.toString())
        .failsWith(ExitCodes.USAGE, "empty check name in 's2,,o1'");
    Cli.run("check", "--page-size", "1000", "--block-size", "4096", racy.toString())
        .failsWith(ExitCodes.USAGE, "multiple of --block-size");
  }
}
