package io.hbtrace.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One finding per check and key, counted; the most convincing occurrence is the one shown. */
class FindingsTest {
  private final Findings findings = new Findings();

  private static Finding finding(String key, boolean observed) {
    return new Finding("s2", Severity.ERROR, 12, "title", key).observed(observed);
  }

  @Test
  void aRepeatIsCountedWithoutBeingBuilt() {
    assertThat(findings.countAgain("s2", "1:2", false)).isFalse(); // nothing yet: build it
    findings.add(finding("1:2", false));

    assertThat(findings.countAgain("s2", "1:2", false)).isTrue();
    assertThat(findings.countAgain("s1", "1:2", false)).isFalse(); // another check
    assertThat(findings.countAgain("s2", "1:3", false)).isFalse(); // another key
    assertThat(findings.all())
        .singleElement()
        .satisfies(f -> assertThat(f.occurrences()).isEqualTo(2));
  }

  @Test
  void anObservedOccurrenceIsBuiltAndReplacesAnUnobservedOne() {
    findings.add(finding("1:2", false));
    findings.countAgain("s2", "1:2", false);

    assertThat(findings.countAgain("s2", "1:2", true)).isFalse(); // more convincing: build it
    Finding shown = finding("1:2", true);
    findings.add(shown);
    assertThat(findings.countAgain("s2", "1:2", true)).isTrue();
    assertThat(findings.countAgain("s2", "1:2", false)).isTrue();

    assertThat(findings.all()).containsExactly(shown);
    assertThat(shown.occurrences()).isEqualTo(5);
  }
}
