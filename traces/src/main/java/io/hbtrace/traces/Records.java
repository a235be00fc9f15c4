package io.hbtrace.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Encoders and decoders of the START and END records (the metadata records with many fields). */
final class Records {
  private Records() {}

  /** Whether {@code doc} begins like an hbtrace START record (type byte and magic). */
  static boolean looksLikeStart(byte[] doc) {
    int m = Format.MAGIC.length;
    return doc.length >= 1 + m
        && doc[0] == Format.START
        && java.util.Arrays.equals(doc, 1, 1 + m, Format.MAGIC, 0, m);
  }

  /** The format version of a START record: {major, minor}. */
  static int[] version(In in) {
    in.p = 1 + Format.MAGIC.length;
    int major = in.uint("format major", Integer.MAX_VALUE);
    int minor = in.uint("format minor", Integer.MAX_VALUE);
    return new int[] {major, minor};
  }

  /** Decodes a START body; {@code in} is positioned after the version. Trailing bytes ignored. */
  static StartRecord start(In in, int major, int minor) {
    String producer = in.string();
    String producerVersion = in.string();
    String mainClass = in.string();
    int argc = in.count("argument count", 1);
    List<String> args = new ArrayList<>(argc);
    for (int i = 0; i < argc; i++) {
      args.add(in.string());
    }
    Map<String, String> metadata = map(in);
    String jvm = in.string();
    long pid = in.uvarint();
    long startMillis = in.svarint();
    long startNanos = in.svarint();
    String clock = in.string();
    int batchBytes = in.uint("batch capacity", WriterOptions.MAX_BATCH_BYTES);
    int flushMillis = in.uint("flush interval", Integer.MAX_VALUE);
    Map<String, String> props = map(in);
    return new StartRecord(
        major,
        minor,
        producer,
        producerVersion,
        mainClass,
        args,
        metadata,
        jvm,
        pid,
        startMillis,
        startNanos,
        clock,
        batchBytes,
        flushMillis,
        props);
  }

  private static Map<String, String> map(In in) {
    int n = in.count("map size", 2);
    Map<String, String> m = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String k = in.string();
      m.put(k, in.string());
    }
    return m;
  }

  /** Decodes an END body ({@code in} after the type byte). Trailing bytes ignored. */
  static EndRecord end(In in) {
    long endMillis = in.svarint();
    long taken = in.uvarint();
    long written = in.uvarint();
    long dropped = in.uvarint();
    int n = in.count("thread count", 3);
    List<EndRecord.ThreadCount> threads = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int tid = in.uint("thread id", Integer.MAX_VALUE);
      threads.add(new EndRecord.ThreadCount(tid, in.uvarint(), in.uvarint()));
    }
    return new EndRecord(endMillis, taken, written, dropped, threads);
  }

  /** The START record a writer with these options writes for {@code start}. */
  static byte[] startDocument(TraceStart start, WriterOptions options) {
    DocBuilder d = new DocBuilder(Format.START).bytes(Format.MAGIC);
    d.uvarint(Format.MAJOR).uvarint(Format.MINOR);
    d.string(start.producer()).string(start.producerVersion()).string(start.mainClass());
    d.uvarint(start.arguments().size());
    for (String a : start.arguments()) {
      d.string(a);
    }
    putMap(d, new TreeMap<>(start.metadata()));
    d.string(System.getProperty("java.vm.name", "") + " " + Runtime.version());
    d.uvarint(ProcessHandle.current().pid());
    d.svarint(System.currentTimeMillis());
    d.svarint(System.nanoTime());
    d.string("seq");
    d.uvarint(options.batchBytes());
    d.uvarint(options.flushIntervalMillis());
    Map<String, String> props = new TreeMap<>();
    for (String k : new String[] {"java.vendor", "os.name", "os.arch", "os.version"}) {
      props.put(k, System.getProperty(k, ""));
    }
    props.put("availableProcessors", Integer.toString(Runtime.getRuntime().availableProcessors()));
    putMap(d, props);
    if (d.size() > Format.MAX_META_BYTES) {
      throw new IllegalArgumentException("START record over 1 MiB: too many or too long arguments");
    }
    return d.finish();
  }

  private static void putMap(DocBuilder d, Map<String, String> m) {
    d.uvarint(m.size());
    for (Map.Entry<String, String> e : m.entrySet()) {
      d.string(e.getKey()).string(e.getValue());
    }
  }

  /** The END record: totals and, per trace thread, {events, batches}. */
  static byte[] endDocument(
      long taken, long written, long dropped, Map<Integer, long[]> perThread) {
    DocBuilder d = new DocBuilder(Format.END);
    d.svarint(System.currentTimeMillis());
    d.uvarint(taken).uvarint(written).uvarint(dropped);
    d.uvarint(perThread.size());
    for (Map.Entry<Integer, long[]> e : perThread.entrySet()) {
      d.uvarint(e.getKey()).uvarint(e.getValue()[0]).uvarint(e.getValue()[1]);
    }
    return d.finish();
  }
}
