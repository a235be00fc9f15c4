package io.hbtrace.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExploreReportTest {

  @Test
  void anInterleavingReadsAsTheStretchesEachThreadRan() {
    List<String> grants =
        List.of(
            "main RUN_BEGIN at M#run:1",
            "w PAGE_INVALIDATE at W#inv:2",
            "r PAGE_INSERT at R#ins:3",
            "r SIZE_SAMPLE at R#smp:4",
            "r BLOCK_FILL at R#fill:5",
            "r COPY_OUT at R#copy:6",
            "w SIZE_UPDATE at W#size:7");
    assertThat(ExploreReport.stretches(grants))
        .isEqualTo(
            "main: RUN_BEGIN at M#run:1 | w: PAGE_INVALIDATE at W#inv:2 | r: PAGE_INSERT at"
                + " R#ins:3 .. COPY_OUT at R#copy:6 (via SIZE_SAMPLE, BLOCK_FILL) | w: SIZE_UPDATE"
                + " at W#size:7");
  }

  @Test
  void interleavingsCountOnceAndTheFirstCorruptOneIsKept() {
    ExploreReport r = new ExploreReport(null, 10);
    r.ran(false, List.of("a X at s:1"));
    r.ran(true, List.of("b Y at s:2"));
    r.ran(true, List.of("c Z at s:3"));
    r.ran(true, List.of("c Z at s:3")); // the same interleaving again: counted once
    assertThat(r.runs).isEqualTo(4);
    assertThat(r.distinct).isEqualTo(3);
    assertThat(r.corruptRuns).isEqualTo(2);
    assertThat(r.firstCorrupt).isEqualTo("run 2: b: Y at s:2");
    assertThat(r.decisions).isEqualTo(4);
  }
}
