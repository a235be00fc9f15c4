package io.hbtrace.analyzer.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdTableTest {
  @Test
  void behavesLikeAMapOnRandomOperations() {
    IdTable<String> t = new IdTable<>();
    Map<Long, String> m = new HashMap<>();
    Random r = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      long id = r.nextInt(10_000) + (r.nextInt(20) == 0 ? 1L << 40 : 0);
      switch (r.nextInt(3)) {
        case 0 -> assertThat(t.put(id, "v" + i)).isEqualTo(m.put(id, "v" + i));
        case 1 -> assertThat(t.remove(id)).isEqualTo(m.remove(id));
        default -> assertThat(t.get(id)).isEqualTo(m.get(id));
      }
      assertThat(t.size()).isEqualTo(m.size());
    }
  }

  @Test
  void pagesFollowLiveValuesNotTheHighestId() {
    IdTable<Long> t = new IdTable<>();
    for (long id = 0; id < 1_000_000; id++) {
      t.put(id, id);
      if (id >= 100) {
        t.remove(id - 100); // objects die about in the order they were born
      }
    }
    assertThat(t.size()).isEqualTo(100);
    assertThat(t.pages()).isLessThanOrEqualTo(2);
    t.clear();
    assertThat(t.get(999_999L)).isNull();
  }

  @Test
  void aPageEmptiedInUseIsDroppedOnceTheTableMovesOn() {
    IdTable<Long> t = new IdTable<>();
    t.put(5, 5L);
    t.remove(5);
    assertThat(t.pages()).isEqualTo(1); // kept while in use
    assertThat(t.get(5_000)).isNull(); // another page: the empty one goes
    assertThat(t.pages()).isZero();
    t.put(6, 6L);
    assertThat(t.get(6)).isEqualTo(6L);
    assertThat(t.pages()).isEqualTo(1);
  }

  @Test
  void aReusedPageHoldsNothingOfItsPastLife() {
    IdTable<Long> t = new IdTable<>();
    t.put(1, 1L);
    t.put(5_000, 5_000L); // the page in use moves on
    t.remove(1); // page 0 empties: dropped and kept spare
    t.put(9_000, 9_000L); // a new page, from the spare
    assertThat(t.get(1)).isNull();
    assertThat(t.get(9_000 - 9_000 % 1024 + 1)).isNull(); // the old slot 1, now in page 8
    assertThat(t.get(9_000)).isEqualTo(9_000L);
    assertThat(t.get(5_000)).isEqualTo(5_000L);
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.pages()).isEqualTo(2);
  }

  @Test
  void pagesKeptAtAClearHoldNothingOfTheirPastLife() {
    IdTable<Long> t = new IdTable<>();
    for (long id = 0; id < 10 * 1024; id += 7) {
      t.put(id, id);
    }
    t.clear();
    assertThat(t.size()).isZero();
    assertThat(t.pages()).isZero();
    t.put(50_000, 50_000L); // pages come from the spare again
    t.put(90_000, 90_000L);
    for (long id = 49_152; id < 49_152 + 1024; id++) {
      assertThat(t.get(id)).isEqualTo(id == 50_000 ? 50_000L : null);
    }
    assertThat(t.get(7)).isNull();
    assertThat(t.size()).isEqualTo(2);
  }
}
