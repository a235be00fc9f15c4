package io.hbtrace.analyzer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.analyzer.cli.DemoWorkload;
import io.hbtrace.analyzer.report.Finding;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end: the generic/418 workload and the crash workload recorded with the real agent, each
 * trace checked with every check; the racy ordering and each seeded mistake are reported by their
 * checks, the fixes by none.
 */
class VerdictsPerVariantTest {
  @TempDir Path tmp;

  private static Set<String> checksFiring(Path trace) throws Exception {
    Set<String> checks = new TreeSet<>();
    for (Finding f : Recordings.check(trace).findings()) {
      checks.add(f.check());
    }
    return checks;
  }

  private Path generic418(String variant) throws Exception {
    return Recordings.record(
        tmp, variant, DemoWorkload.arguments(variant, 30).toArray(String[]::new));
  }

  @Test
  void preFixHasTheBuggyOrderingAndTheStaleWindow() throws Exception {
    Set<String> checks = checksFiring(generic418("pre-fix"));
    assertThat(checks)
        .contains("s1", "s2")
        .doesNotContain("o1", "o2", "o3", "o4", "o5", "o6", "ci", "s5");
  }

  @ParameterizedTest
  @ValueSource(strings = {"upstream", "endio-all", "xfs", "rework-2023"})
  void fixesAreClean(String variant) throws Exception {
    assertThat(checksFiring(generic418(variant))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "upstream:",
        "bug-orphan-leak:o1",
        "bug-del-before-truncate:o2",
        "bug-aio-endio-unlocked:o3",
        "bug-del-before-disksize:o4",
        "bug-add-after-alloc:o6"
      })
  void crashWorkloadFindsEachSeededMistakeByItsCheck(String variantAndCheck) throws Exception {
    String[] v = variantAndCheck.split(":", -1);
    Path trace =
        Recordings.record(
            tmp,
            v[0],
            "crash-consistency",
            "--variant",
            v[0],
            "--seed",
            "1",
            "--ops",
            "60",
            "--crash-points",
            "20");
    Set<String> checks = checksFiring(trace);
    if (v[1].isEmpty()) {
      assertThat(checks).isEmpty();
    } else {
      assertThat(checks).contains(v[1]).noneMatch(c -> c.startsWith("s"));
    }
  }
}
