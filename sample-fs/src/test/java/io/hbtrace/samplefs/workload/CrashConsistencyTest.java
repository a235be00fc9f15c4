package io.hbtrace.samplefs.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.samplefs.block.LatencyProfile;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashConsistencyTest {
  private CrashConsistency workload;

  @BeforeAll
  void setUp() {
    CrashConsistency.Options opts =
        new CrashConsistency.Options(
            List.of(), 1, 60, 500, 1024, LatencyProfile.ASYNC, 0.1, 0.05, 0.05, 0.05);
    workload = new CrashConsistency(opts, new PrintWriter(Writer.nullWriter()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pre-fix", "endio-all", "upstream", "xfs", "rework-2023"})
  void correctVariantsSurviveEveryCrashPoint(String variant) {
    CrashConsistency.VariantResult r = workload.runVariant(variant);
    assertThat(r.pointsTried()).isEqualTo((int) r.steps());
    assertThat(r.violatingPoints()).as(String.valueOf(r.example())).isZero();
    assertThat(r.orphansLeftAtUnmount()).isZero();
    assertThat(r.opsLeavingOrphans()).isZero();
    assertThat(r.unlockedOrphanChanges()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"bug-del-before-truncate", "bug-del-before-disksize", "bug-add-after-alloc"})
  void orderingMistakesBreakTheCrashInvariant(String variant) {
    CrashConsistency.VariantResult r = workload.runVariant(variant);
    assertThat(r.violatingPoints()).isPositive();
    assertThat(r.example()).contains("not on the orphan chain");
  }

  @Test
  void theLeakIsFoundByTheOrphanCheck() {
    CrashConsistency.VariantResult r = workload.runVariant("bug-orphan-leak");
    assertThat(r.opsLeavingOrphans()).isPositive();
  }

  /**
   * Whether the completion runs on the workqueue (unlocked) or inline depends on thread timing, so
   * the test gives the check several independent seeds to see it once.
   */
  @Test
  void theUnlockedCompletionIsFoundByTheLockCheck() {
    int found = 0;
    for (long seed = 1; seed <= 8 && found == 0; seed++) {
      CrashConsistency.Options opts =
          new CrashConsistency.Options(
              List.of("bug-aio-endio-unlocked"),
              seed,
              40,
              20,
              1024,
              LatencyProfile.ASYNC,
              0.1,
              0.05,
              0.05,
              0.05);
      found =
          new CrashConsistency(opts, new PrintWriter(Writer.nullWriter()))
              .runVariant("bug-aio-endio-unlocked")
              .unlockedOrphanChanges();
    }
    assertThat(found).isPositive();
  }

  @Test
  void theOpSequenceIsDeterministic() {
    assertThat(CrashOp.generate(7, 50)).isEqualTo(CrashOp.generate(7, 50));
  }
}
