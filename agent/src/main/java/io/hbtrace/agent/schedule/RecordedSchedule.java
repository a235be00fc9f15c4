package io.hbtrace.agent.schedule;

import io.hbtrace.traces.Site;
import io.hbtrace.traces.ThreadInfo;
import io.hbtrace.traces.TraceException;
import io.hbtrace.traces.TraceReader;
import io.hbtrace.traces.event.Event;
import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The order a recorded run took: its scheduled events ({@link EventKey#scheduled}) in order-key
 * order, each with its thread, kind, site key and field hash (for a volatile read, the value it
 * read) and the id of the object it used, and each thread's own list of them. Held in flat arrays:
 * 29 bytes per event.
 */
final class RecordedSchedule {
  private static final int HANDOFF_RECEIVE = EventKind.HANDOFF_RECEIVE.code();
  private static final int VOLATILE_READ = EventKind.VOLATILE_READ.code();

  final int size;
  final int[] thread;
  final byte[] kind;
  final int[] site;
  final long[] fields;

  /** The recorded id of the object each event used ({@link EventKey#object}). */
  final long[] object;

  /** Site keys by index; index 0 is the unknown site. */
  final String[] siteKeys;

  /** Per recorded thread id: its entries, in order. */
  final int[][] entriesOf;

  /** Per recorded thread id: its name ("" for ids the trace does not define). */
  final String[] threadNames;

  final boolean truncated;

  /** The digest of the spec the trace was recorded with, or null if it does not say. */
  final String specDigest;

  private RecordedSchedule(Builder b, boolean truncated, String specDigest) {
    this.size = b.size;
    this.thread = Arrays.copyOf(b.thread, b.size);
    this.kind = Arrays.copyOf(b.kind, b.size);
    this.site = Arrays.copyOf(b.site, b.size);
    this.fields = Arrays.copyOf(b.fields, b.size);
    this.object = Arrays.copyOf(b.object, b.size);
    this.siteKeys = b.siteKeys;
    this.threadNames = b.threadNames;
    this.entriesOf = b.entriesOf();
    this.truncated = truncated;
    this.specDigest = specDigest;
  }

  /** Reads the schedule of the trace at {@code path} (a directory or a packed file). */
  static RecordedSchedule load(Path path) throws TraceException {
    try (TraceReader reader = TraceReader.open(path)) {
      Builder b = new Builder();
      Event e;
      while ((e = reader.next()) != null) {
        int code = e.kind().code();
        if (EventKey.scheduled(code, code == HANDOFF_RECEIVE ? e.field(1) : 0)) {
          b.add(reader, e, code);
        }
      }
      b.threadNames(reader);
      return new RecordedSchedule(
          b, reader.truncated(), reader.start().metadata().get("agent.specDigest"));
    }
  }

  /** Recorded thread ids named {@code name}, in the order of their first event. */
  Map<String, ArrayDeque<Integer>> threadsByName() {
    Integer[] tids = new Integer[entriesOf.length];
    int n = 0;
    for (int tid = 0; tid < entriesOf.length; tid++) {
      if (entriesOf[tid].length > 0) {
        tids[n++] = tid;
      }
    }
    Arrays.sort(tids, 0, n, (a, c) -> Integer.compare(entriesOf[a][0], entriesOf[c][0]));
    Map<String, ArrayDeque<Integer>> byName = new HashMap<>();
    for (int i = 0; i < n; i++) {
      byName.computeIfAbsent(threadNames[tids[i]], k -> new ArrayDeque<>()).add(tids[i]);
    }
    return byName;
  }

  /** The field hash that entry {@code i}'s event must match (see {@link EventKey#fields}). */
  long key(int i) {
    return (kind[i] & 0xFF) == VOLATILE_READ ? 0 : fields[i];
  }

  /** The value that the recorded read at entry {@code i} (a {@code VOLATILE_READ}) got. */
  long readValue(int i) {
    return fields[i];
  }

  /** Entry {@code i} for a message: {@code LOCK_ACQUIRE at Class#method:line}. */
  String describe(int i) {
    EventKind k = EventKind.ofCode(kind[i] & 0xFF);
    return (k == null ? "kind " + (kind[i] & 0xFF) : k.name()) + " at " + siteKeys[site[i]];
  }

  private static final class Builder {
    int size;
    int[] thread = new int[1024];
    byte[] kind = new byte[1024];
    int[] site = new int[1024];
    long[] fields = new long[1024];
    long[] object = new long[1024];
    int[] perThread = new int[16];
    final Map<String, Integer> siteIndex = new HashMap<>();
    final Map<Integer, Integer> siteOfId = new HashMap<>();
    String[] siteKeys = {"unknown site"};
    String[] threadNames = new String[0];

    void add(TraceReader reader, Event e, int code) {
      if (size == thread.length) {
        int cap = size * 2;
        thread = Arrays.copyOf(thread, cap);
        kind = Arrays.copyOf(kind, cap);
        site = Arrays.copyOf(site, cap);
        fields = Arrays.copyOf(fields, cap);
        object = Arrays.copyOf(object, cap);
      }
      int tid = e.thread();
      if (tid >= perThread.length) {
        perThread = Arrays.copyOf(perThread, Math.max(tid + 1, perThread.length * 2));
      }
      perThread[tid]++;
      long[] f = new long[EventKind.MAX_FIELDS];
      for (int i = 0; i < e.kind().fieldNames().size(); i++) {
        f[i] = e.field(i);
      }
      thread[size] = tid;
      kind[size] = (byte) code;
      site[size] = siteIndex(reader, e.site());
      fields[size] =
          code == VOLATILE_READ ? f[2] : EventKey.fields(code, f[0], f[1], f[2], f[3], f[4], f[5]);
      object[size] = EventKey.object(code, f[0], f[1]);
      size++;
    }

    private int siteIndex(TraceReader reader, int id) {
      Integer known = siteOfId.get(id);
      if (known != null) {
        return known;
      }
      Site s = id == 0 ? null : reader.site(id);
      int index = 0;
      if (s != null) {
        String key = EventKey.site(s.className(), s.method(), s.line());
        index =
            siteIndex.computeIfAbsent(
                key,
                k -> {
                  siteKeys = Arrays.copyOf(siteKeys, siteKeys.length + 1);
                  siteKeys[siteKeys.length - 1] = k;
                  return siteKeys.length - 1;
                });
      }
      siteOfId.put(id, index);
      return index;
    }

    void threadNames(TraceReader reader) {
      threadNames = new String[perThread.length];
      Arrays.fill(threadNames, "");
      for (ThreadInfo t : reader.threads()) {
        if (t.tid() < threadNames.length) {
          threadNames[t.tid()] = t.name();
        }
      }
    }

    int[][] entriesOf() {
      int[][] of = new int[perThread.length][];
      for (int tid = 0; tid < of.length; tid++) {
        of[tid] = new int[perThread[tid]];
      }
      int[] filled = new int[perThread.length];
      for (int i = 0; i < size; i++) {
        int tid = thread[i];
        of[tid][filled[tid]++] = i;
      }
      return of;
    }
  }
}
