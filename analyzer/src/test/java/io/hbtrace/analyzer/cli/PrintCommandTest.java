package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.Scenarios;
import io.hbtrace.analyzer.TraceFiles;
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
}
