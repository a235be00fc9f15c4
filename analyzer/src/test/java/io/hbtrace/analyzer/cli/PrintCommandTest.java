package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.Scenarios;
import io.hbtrace.analyzer.TraceBuilder;
import io.hbtrace.analyzer.TraceFiles;
import io.hbtrace.traces.event.EventKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrintCommandTest {
  @TempDir Path tmp;

  private Path trace() throws Exception {
    return TraceFiles.write(Scenarios.generic418Failure(), tmp.resolve("t"), List.of());
  }

  @Test
  void printsEveryEventInOrder() throws Exception {
    Cli r = Cli.run("print", trace().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(Scenarios.generic418Failure().events().size());
    long previous = -1;
    for (String line : lines) {
      long seq = Long.parseLong(line.trim().split("\\s+")[0]);
      assertThat(seq).isGreaterThan(previous);
      previous = seq;
    }
  }

  @Test
  void filtersByKindThreadAndInode() throws Exception {
    Cli r =
        Cli.run(
            "print",
            "--kind",
            "size_update,SIZE_SAMPLE",
            "--thread",
            "child-0",
            trace().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out().lines())
        .isNotEmpty()
        .allMatch(
            l -> l.contains("child-0") && (l.contains("SIZE_UPDATE") || l.contains("SIZE_SAMPLE")));
    assertThat(r.out()).doesNotContain("PAGE_INSERT").contains("size=1024");
    Cli none = Cli.run("print", "--ino", "99", tmp.resolve("t").toString());
    assertThat(none.out()).isEmpty();
  }

  @Test
  void limitAndRange() throws Exception {
    Cli r = Cli.run("print", "--from", "10", "--limit", "3", trace().toString());
    assertThat(r.out().lines()).hasSize(3);
    assertThat(r.out().lines().findFirst().orElseThrow().trim()).startsWith("10 ");
  }

  @Test
  void unknownKindIsAUsageError() throws Exception {
    Cli r = Cli.run("print", "--kind", "NOPE", trace().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.oneLineError()).isTrue();
  }

  @Test
  void anEmptyRangeIsAUsageError() throws Exception {
    Cli r = Cli.run("print", "--from", "10", "--to", "9", trace().toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.oneLineError()).isTrue();
    assertThat(r.err()).contains("--from and --to");
  }

  @Test
  void aNegativeLimitIsAUsageError() throws Exception {
    Cli.run("print", "--limit", "-1", trace().toString()).failsWith(ExitCodes.USAGE, "--limit");
  }

  @Test
  void aThreadNoEventCameFromIsWarnedOf() throws Exception {
    Path trace = trace();
    Cli r = Cli.run("print", "--thread", "nosuch", trace.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("warning: no event of thread 'nosuch' in " + trace);
  }

  @Test
  void aPrintStoppedByItsLimitWarnsOnlyOfNamesNoThreadHas() throws Exception {
    Path trace = trace();
    String first = Cli.run("print", "--limit", "1", trace.toString()).out().trim().split("\\s+")[1];
    Cli r = Cli.run("print", "--thread", first + ",nosuch", "--limit", "1", trace.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out().lines()).hasSize(1);
    assertThat(r.err().lines())
        .singleElement()
        .asString()
        .contains("warning: no thread 'nosuch' among those " + trace + " defines before reading");
    Cli named = Cli.run("print", "--thread", first, "--limit", "1", trace.toString());
    assertThat(named.err()).isEmpty();
  }

  /** Fields that name an interned string (a role, a type, a volatile field) print as it. */
  @Test
  void aRoleIsPrintedByName() throws Exception {
    Path trace = TraceFiles.write(new TraceBuilder().mount(1), tmp.resolve("roles"), List.of());
    Cli r = Cli.run("print", "--kind", "OBJECT_ROLE", trace.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("role=inode_lock");
  }

  @Test
  void aLongPrintStopsAtTheFirstLinesNoOneTakesAndSaysSoOnce() throws Exception {
    TraceBuilder t = new TraceBuilder().mount(1);
    for (int i = 0; i < 10_000; i++) { // more lines than print writes between its checks
      t.raw(EventKind.JOURNAL_START, 1, i);
    }
    Path trace = TraceFiles.write(t, tmp.resolve("long"), List.of());
    long[] written = {0};
    OutputStream closesAfterALine =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            if (++written[0] > 100) {
              throw new IOException("Broken pipe");
            }
          }
        };
    StringWriter err = new StringWriter();
    int code =
        HbtraceMain.run(
            new PrintWriter(closesAfterALine),
            new PrintWriter(err, true),
            "print",
            trace.toString());
    assertThat(code).isEqualTo(ExitCodes.OUTPUT);
    assertThat(err.toString()).isEqualTo("hbtrace: " + HbtraceMain.OUTPUT_LOST + "\n");
  }

  @Test
  void outputThatCannotBeWrittenIsAnOutputError() throws Exception {
    OutputStream closed =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    StringWriter err = new StringWriter();
    Path trace = trace();
    for (String verb : List.of("print", "summary", "check")) {
      int code =
          HbtraceMain.run(
              new PrintWriter(closed, true), new PrintWriter(err, true), verb, trace.toString());
      assertThat(code).as(verb).isEqualTo(ExitCodes.OUTPUT);
    }
    assertThat(err.toString().lines())
        .hasSize(3)
        .allMatch(l -> l.equals("hbtrace: " + HbtraceMain.OUTPUT_LOST));
  }

  @Test
  void aClosedPipeEndsThePrintWithoutAMessage() throws Exception {
    Stdout stdout =
        new Stdout(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
              }
            });
    StringWriter err = new StringWriter();
    int code =
        HbtraceMain.run(
            new PrintWriter(stdout, true),
            new PrintWriter(err, true),
            stdout::pipeClosed,
            "print",
            trace().toString());
    assertThat(code).isEqualTo(ExitCodes.OUTPUT);
    assertThat(stdout.pipeClosed()).isTrue();
    assertThat(err.toString()).isEmpty();
  }
}
