package io.hbtrace.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The reader's merge heap against a plain scan for the smallest head, over random adds, grown
 * heads, a top that stays on top, and removals.
 */
class SeqHeapTest {

  @Test
  void topIsAlwaysTheSmallestHead() {
    SplittableRandom rnd = new SplittableRandom(11);
    for (int trial = 0; trial < 200; trial++) {
      SeqHeap heap = new SeqHeap();
      List<ThreadStream> in = new ArrayList<>();
      long next = 0;
      for (int step = 0; step < 500; step++) {
        int op = rnd.nextInt(4);
        if (op == 0 || in.isEmpty()) {
          ThreadStream s = new ThreadStream(step);
          s.headSeq = rnd.nextLong(next, next + 50);
          heap.add(s);
          in.add(s);
        } else if (op == 1) {
          ThreadStream s = in.get(rnd.nextInt(in.size()));
          s.headSeq += 1 + rnd.nextInt(40);
          heap.headGrew(s);
        } else if (op == 2) {
          ThreadStream top = heap.top();
          long second = in.stream().filter(s -> s != top).mapToLong(s -> s.headSeq).min().orElse(0);
          if (in.size() > 1 && top.headSeq + 1 < second) {
            top.headSeq++; // the reader's run of one thread: the top's next seq, still smallest
            heap.topGrew(top);
          }
        } else {
          ThreadStream s = in.remove(rnd.nextInt(in.size()));
          heap.remove(s);
          assertThat(s.heapIndex).isEqualTo(-1);
        }
        next += rnd.nextInt(3);
        assertThat(heap.size()).isEqualTo(in.size());
        if (!in.isEmpty()) {
          long min = in.stream().mapToLong(s -> s.headSeq).min().getAsLong();
          assertThat(heap.top().headSeq).as("trial %d step %d", trial, step).isEqualTo(min);
        }
      }
    }
  }
}
