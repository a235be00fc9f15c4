package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.Scenarios;
import io.hbtrace.analyzer.TraceFiles;
import io.hbtrace.analyzer.report.JsonTree;
import io.hbtrace.analyzer.report.TraceEventShape;
import io.hbtrace.traces.TraceReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
  @TempDir Path tmp;

  private Path trace() throws Exception {
    return TraceFiles.write(
        Scenarios.generic418Failure(),
        tmp.resolve("racy"),
        List.of("dio-invalidate-cache", "--variant", "pre-fix"));
  }

  private static Object read(Path file) throws Exception {
    return JsonTree.parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  private static List<Map<String, Object>> withSeq(Object doc) {
    return TraceEventShape.events(doc).stream()
        .filter(e -> e.get("args") != null && JsonTree.object(e.get("args")).get("seq") != null)
        .toList();
  }

  @Test
  void writesTheWholeTraceForAViewer() throws Exception {
    Path out = tmp.resolve("t.json");
    Cli r = Cli.run("export", trace().toString(), "--format", "perfetto", "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("exported " + Scenarios.generic418Failure().events().size());
    Object doc = read(out);
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    assertThat(TraceEventShape.events(doc))
        .filteredOn(e -> "thread_name".equals(e.get("name")))
        .extracting(e -> JsonTree.at(e, "args", "name"))
        .containsExactlyInAnyOrder("main", "child-0", "child-1");
    assertThat(JsonTree.at(doc, "otherData", "variant")).isEqualTo("pre-fix");
    assertThat((String) JsonTree.at(TraceEventShape.events(doc).get(0), "args", "name"))
        .startsWith("SampleFsMain pre-fix (pid ");
  }

  @Test
  void helpSaysWhatItWritesAndItsExitCodes() {
    Cli r = Cli.run("export", "--help");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    String help = r.out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains("--out=FILE")
        .contains("Trace Event Format")
        .contains("5: cannot write");
    assertThat(Cli.run("check", "--help").out()).contains("--format");
  }

  @Test
  void findingsAreMarked() throws Exception {
    Path out = tmp.resolve("f.json");
    Cli r =
        Cli.run(
            "export", "--findings", "--checks", "s2", trace().toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("(1 finding marked)");
    Object doc = read(out);
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    assertThat(TraceEventShape.events(doc))
        .filteredOn(e -> "finding".equals(e.get("cat")))
        .isNotEmpty()
        .allMatch(e -> ((String) e.get("name")).startsWith("[1] S2 "));
  }

  @Test
  void aWindowAndAThreadCanBeExported() throws Exception {
    Path out = tmp.resolve("w.json");
    Cli r =
        Cli.run(
            "export",
            trace().toString(),
            "--out",
            out.toString(),
            "--thread",
            "child-0",
            "--from",
            "20",
            "--to",
            "40");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    Object doc = read(out);
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    List<Map<String, Object>> events = withSeq(doc);
    assertThat(events).isNotEmpty();
    List<Long> seqs = new ArrayList<>();
    for (Map<String, Object> e : events) {
      seqs.add((Long) JsonTree.at(e, "args", "seq"));
      assertThat(e.get("tid")).isEqualTo(JsonTree.at(events.get(0), "tid"));
    }
    assertThat(seqs).allMatch(s -> s >= 20 && s <= 40);
    assertThat(TraceEventShape.events(doc))
        .filteredOn(e -> "thread_name".equals(e.get("name")))
        .extracting(e -> JsonTree.at(e, "args", "name"))
        .containsExactly("child-0");
  }

  @Test
  void anUnwritableOutIsAOneLineErrorWithItsOwnCode() throws Exception {
    Path trace = trace();
    Cli noDir =
        Cli.run("export", trace.toString(), "--out", tmp.resolve("no/such/dir/t.json").toString());
    assertThat(noDir.exitCode()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(noDir.oneLineError()).isTrue();
    assertThat(noDir.err()).contains("cannot write").contains("no such directory");
    Path dir = Files.createDirectory(tmp.resolve("adir"));
    Cli isDir = Cli.run("export", trace.toString(), "--out", dir.toString());
    assertThat(isDir.exitCode()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(isDir.oneLineError()).isTrue();
    assertThat(dir).isDirectory();
  }

  @Test
  void badInputGetsTheSameMessagesAndCodesAsTheOtherVerbs() throws Exception {
    Path out = tmp.resolve("x.json");
    Cli missing = Cli.run("export", tmp.resolve("nope").toString(), "--out", out.toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(missing.oneLineError()).isTrue();
    assertThat(missing.err()).contains("nope");
    assertThat(out).doesNotExist();

    Path notATrace = Files.writeString(tmp.resolve("notes.txt"), "hello");
    Cli foreign = Cli.run("export", notATrace.toString(), "--out", out.toString());
    assertThat(foreign.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(foreign.oneLineError()).isTrue();
    assertThat(out).doesNotExist();

    Path trace = trace();
    Cli.run("export", trace.toString()).failsWith(ExitCodes.USAGE, "--out");
    Cli.run("export", trace.toString(), "--out", out.toString(), "--format", "svg")
        .failsWith(ExitCodes.USAGE, "svg");
    Cli.run("export", trace.toString(), "--out", out.toString(), "--from", "9", "--to", "3")
        .failsWith(ExitCodes.USAGE, "--from");
    Cli.run("export", "--findings", "--checks", "zz", trace.toString(), "--out", out.toString())
        .failsWith(ExitCodes.USAGE, "zz");
    Cli.run("export", trace.toString(), "--out", trace.resolve("in-the-trace.json").toString())
        .failsWith(ExitCodes.USAGE, "overwrite");
    Cli.run("export", "--checks", "s2", trace.toString(), "--out", out.toString())
        .failsWith(ExitCodes.USAGE, "--checks needs --findings");
    assertThat(out).doesNotExist();
  }

  @Test
  void aCorruptTraceLeavesNoHalfWrittenFile() throws Exception {
    Path dir = trace();
    TraceFiles.corruptEvents(dir);
    Path out = tmp.resolve("c.json");
    Cli r = Cli.run("export", dir.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(r.oneLineError()).isTrue();
    assertThat(out).doesNotExist();
    assertThat(tmp.resolve("c.json.part")).doesNotExist();

    Path kept = Files.writeString(tmp.resolve("kept.json"), "an earlier export");
    Cli again = Cli.run("export", dir.toString(), "--out", kept.toString());
    assertThat(again.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(kept).hasContent("an earlier export");
  }

  @Test
  void aTruncatedTraceIsExportedUpToTheTearWithAWarning() throws Exception {
    Path out = tmp.resolve("torn.json");
    List<Cli> runs = new ArrayList<>();
    TraceFiles.write(
        Scenarios.generic418Failure(),
        tmp.resolve("torn"),
        List.of("dio-invalidate-cache", "--variant", "pre-fix"),
        dir -> runs.add(Cli.run("export", dir.toString(), "--out", out.toString())));
    Cli r = runs.get(0);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.err()).contains("no end record").contains("exported up to the tear");
    Object doc = read(out);
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    assertThat((String) JsonTree.at(doc, "otherData", "truncated")).contains("no end record");
  }

  @Test
  void aCapturedRecordingBecomesAWellFormedTimeline() throws Exception {
    Path captured = Path.of("..", "traces", "captured", "generic418-prefix-corruption.hbt");
    Path out = tmp.resolve("captured.json");
    Cli r = Cli.run("export", "--findings", captured.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    Object doc = read(out);
    assertThat(TraceEventShape.problems(doc)).isEmpty();
    long recorded = 0;
    try (TraceReader t = TraceReader.open(captured)) {
      while (t.next() != null) {
        recorded++;
      }
    }
    assertThat(JsonTree.at(doc, "otherData", "exportedEvents")).isEqualTo(recorded);
    assertThat(JsonTree.at(doc, "otherData", "endsWithoutBegin")).isEqualTo(0L);
    assertThat((Long) JsonTree.at(doc, "otherData", "handoffFlows")).isPositive();
    List<Map<String, Object>> events = TraceEventShape.events(doc);
    assertThat(events)
        .anyMatch(
            e -> e.get("args") != null && JsonTree.object(e.get("args")).containsKey("releasedBy"));
    assertThat(events)
        .filteredOn(e -> "finding".equals(e.get("cat")))
        .anyMatch(e -> ((String) e.get("name")).contains("] S2 reader: "));
  }
}
