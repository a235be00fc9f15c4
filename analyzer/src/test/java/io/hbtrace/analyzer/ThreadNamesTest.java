package io.hbtrace.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Thread names as reports show them: one line each, of bounded length, never blank. */
class ThreadNamesTest {
  @Test
  void controlCharactersAreEscaped() {
    assertThat(TraceSymbols.shown("a\nb\tc\u0000d\u007f", 3)).isEqualTo("a\\nb\\tc\\u0000d\\u007f");
  }

  @Test
  void aLongNameIsCut() {
    String shown = TraceSymbols.shown("x".repeat(200_000), 3);
    assertThat(shown).hasSize(TraceSymbols.LONGEST_NAME + 1).endsWith("x…");
    assertThat(TraceSymbols.shown("y".repeat(TraceSymbols.LONGEST_NAME), 3))
        .isEqualTo("y".repeat(TraceSymbols.LONGEST_NAME));
  }

  @Test
  void anUnnamedThreadIsItsId() {
    assertThat(TraceSymbols.shown("", 42)).isEqualTo("#42");
    assertThat(TraceSymbols.shown("main", 1)).isEqualTo("main");
  }
}
