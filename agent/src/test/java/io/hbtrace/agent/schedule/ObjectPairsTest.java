package io.hbtrace.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Recorded and live object ids compared as a one-to-one renaming. */
class ObjectPairsTest {
  private final ObjectPairs pairs = new ObjectPairs();

  @Test
  void idsNamedInAnotherOrderPairUp() {
    assertThat(pairs.match(1, 2)).isTrue();
    assertThat(pairs.match(2, 1)).isTrue();
    assertThat(pairs.match(1, 2)).isTrue();
    assertThat(pairs.match(2, 1)).isTrue();
  }

  @Test
  void aRecordedObjectMeetsOnlyItsPartner() {
    assertThat(pairs.match(1, 5)).isTrue();
    assertThat(pairs.match(2, 6)).isTrue();
    assertThat(pairs.match(1, 6)).as("the other recorded object's partner").isFalse();
    assertThat(pairs.match(1, 7)).as("a live object not seen before").isFalse();
  }

  @Test
  void aLiveObjectMeetsOnlyItsPartner() {
    assertThat(pairs.match(1, 5)).isTrue();
    assertThat(pairs.match(3, 5)).as("a recorded object not seen before").isFalse();
  }

  @Test
  void noObjectPairsOnlyWithNoObject() {
    assertThat(pairs.match(0, 0)).isTrue();
    assertThat(pairs.match(0, 4)).isFalse();
    assertThat(pairs.match(4, 0)).isFalse();
    assertThat(pairs.match(4, 9)).as("the failed matches paired nothing").isTrue();
  }
}
