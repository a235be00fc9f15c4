package io.hbtrace.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AgentCoreTest {
  /** Verbose lists (tracepoints never matched, fields never accessed) stay one readable line. */
  @Test
  void aLongListIsCutAfterTwentyItems() {
    assertThat(AgentCore.firstOf(List.of("a", "b"))).isEqualTo("a, b");
    List<String> many = IntStream.range(0, 10_000).mapToObj(i -> "t" + i).toList();
    String line = AgentCore.firstOf(many);
    assertThat(line).startsWith("t0, t1, ").endsWith("t19, and 9980 more");
  }
}
