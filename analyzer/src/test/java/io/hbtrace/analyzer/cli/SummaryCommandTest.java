package io.hbtrace.analyzer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.Scenarios;
import io.hbtrace.analyzer.TraceFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryCommandTest {
  @TempDir Path tmp;

  @Test
  void countsPerKindAndThreadWithVariant() throws Exception {
    Path trace =
        TraceFiles.write(
            Scenarios.generic418Failure(),
            tmp.resolve("t"),
            List.of("dio-invalidate-cache", "--variant", "pre-fix"));
    Cli r = Cli.run("summary", trace.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    long inserts =
        Scenarios.generic418Failure().events().stream()
            .filter(e -> e.kind().name().equals("PAGE_INSERT"))
            .count();
    assertThat(r.out())
        .contains("variant    pre-fix")
        .contains("io.hbtrace.samplefs.cli.SampleFsMain dio-invalidate-cache --variant pre-fix")
        .containsPattern("PAGE_INSERT\\s+" + inserts)
        .contains("child-0")
        .contains("child-1")
        .doesNotContain("TRUNCATED");
  }

  @Test
  void unreadableTraceExitsThree() {
    Cli r = Cli.run("summary", tmp.resolve("missing").toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.TRACE);
    assertThat(r.oneLineError()).isTrue();
  }
}
