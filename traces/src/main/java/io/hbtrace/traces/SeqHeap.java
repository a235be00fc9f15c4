package io.hbtrace.traces;

import java.util.Arrays;

/**
 * Min-heap of the thread streams that have a head event, ordered by head seq: the top is the
 * smallest seq any thread has ready. Each stream knows its index, so it can be re-placed after its
 * head moves (which only ever increases it) or removed when it runs out. The head seqs are kept
 * beside the streams in an array of their own, so that sifting compares neighbouring longs rather
 * than reaching into each stream object.
 */
final class SeqHeap {
  private ThreadStream[] heap = new ThreadStream[8];
  private long[] keys = new long[8]; // keys[i] == heap[i].headSeq
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
      keys = Arrays.copyOf(keys, size * 2);
    }
    place(s, s.headSeq, size);
    siftUp(size++);
  }

  /** Restores the order after {@code s}'s head seq grew. */
  void headGrew(ThreadStream s) {
    keys[s.heapIndex] = s.headSeq;
    siftDown(s.heapIndex);
  }

  /**
   * Records the new head seq of {@code s}, the top, where it stays the top: its head is the next
   * seq, and every other head is past it. No sifting, but the key must follow the stream.
   */
  void topGrew(ThreadStream s) {
    keys[0] = s.headSeq;
  }

  void remove(ThreadStream s) {
    int i = s.heapIndex;
    ThreadStream last = heap[--size];
    heap[size] = null;
    s.heapIndex = -1;
    if (i < size) {
      place(last, keys[size], i);
      siftDown(i);
      siftUp(last.heapIndex);
    }
  }

  private void siftUp(int i) {
    ThreadStream x = heap[i];
    long key = keys[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (keys[parent] <= key) {
        break;
      }
      place(heap[parent], keys[parent], i);
      i = parent;
    }
    place(x, key, i);
  }

  private void siftDown(int i) {
    ThreadStream x = heap[i];
    long key = keys[i];
    int half = size >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      int r = c + 1;
      if (r < size && keys[r] < keys[c]) {
        c = r;
      }
      if (key <= keys[c]) {
        break;
      }
      place(heap[c], keys[c], i);
      i = c;
    }
    place(x, key, i);
  }

  private void place(ThreadStream s, long key, int i) {
    heap[i] = s;
    keys[i] = key;
    s.heapIndex = i;
  }
}
