package io.hbtrace.analyzer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.report.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real captured traces in {@code traces/captured/} keep their verdicts: a regression test for
 * the analyzer on recordings that cannot change (see that directory's README for how each was
 * recorded).
 */
class CapturedTracesTest {
  private static final Path CAPTURED = Path.of("..", "traces", "captured");

  private static List<Finding> check(String file) throws Exception {
    return Recordings.check(CAPTURED.resolve(file)).findings();
  }

  @Test
  void preFixRunsWhereTheWorkloadSawCorruption() throws Exception {
    List<Finding> f = check("generic418-prefix-corruption.hbt");
    assertThat(f).extracting(Finding::check).contains("s1", "s2", "s3", "s4");
    assertThat(f).filteredOn(x -> x.check().equals("s2")).anyMatch(Finding::observed);
    assertThat(f).filteredOn(x -> x.check().equals("s4")).allMatch(Finding::observed);
    assertThat(f).extracting(Finding::check).noneMatch(c -> c.startsWith("o") || c.equals("ci"));
  }

  @Test
  void upstreamUnderTheSameWorkloadIsClean() throws Exception {
    assertThat(check("generic418-upstream-clean.hbt")).isEmpty();
  }

  @Test
  void orphanRemovalCommittedBeforeTheSize() throws Exception {
    List<Finding> f = check("crash-bug-del-before-disksize.hbt");
    assertThat(f).extracting(Finding::check).contains("o4", "ci").noneMatch(c -> c.startsWith("s"));
  }
}
