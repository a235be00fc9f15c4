package io.hbtrace.traces;

import java.util.Arrays;

/**
 * Min-heap of the thread streams that have a head event, ordered by head seq: the top is the
 * smallest seq any thread has ready. Each stream knows its index, so it can be re-placed after its
 * head moves (which only ever increases it) or removed when it runs out.
 */
final class SeqHeap {
  private ThreadStream[] heap = new ThreadStream[8];
  private int size;

  int size() {
    return size;
  }

  /** The stream with the smallest head seq; only when {@code size() > 0}. */
  ThreadStream top() {
    return heap[0];
  }

  void add(ThreadStream s) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = s;
    s.heapIndex = size;
    siftUp(size++);
  }

  /** Restores the order after {@code s}'s head seq grew. */
  void headGrew(ThreadStream s) {
    siftDown(s.heapIndex);
  }

  void remove(ThreadStream s) {
    int i = s.heapIndex;
    ThreadStream last = heap[--size];
    heap[size] = null;
    s.heapIndex = -1;
    if (i < size) {
      heap[i] = last;
      last.heapIndex = i;
      siftDown(i);
      siftUp(last.heapIndex);
    }
  }

  private void siftUp(int i) {
    ThreadStream x = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      ThreadStream p = heap[parent];
      if (p.headSeq <= x.headSeq) {
        break;
      }
      heap[i] = p;
      p.heapIndex = i;
      i = parent;
    }
    heap[i] = x;
    x.heapIndex = i;
  }

  private void siftDown(int i) {
    ThreadStream x = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      ThreadStream child = heap[c];
      int r = c + 1;
      if (r < size && heap[r].headSeq < child.headSeq) {
        c = r;
        child = heap[r];
      }
      if (x.headSeq <= child.headSeq) {
        break;
      }
      heap[i] = child;
      child.heapIndex = i;
      i = c;
    }
    heap[i] = x;
    x.heapIndex = i;
  }
}
