package io.hbtrace.traces;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The reader's tables of the STRING, SITE and THREAD definitions read so far. Ids are dense and
 * defined in order, so each table is a list indexed by id, and a definition whose id is not the
 * next one is damage: nothing is ever sized from an id read from the file.
 *
 * <p>Thread-safe: a consumer may look names up on another thread while the reader goes on reading
 * (definitions are rare, so a monitor costs nothing that matters).
 */
final class Symbols {
  private final List<String> strings = new ArrayList<>(List.of(""));
  private final List<Site> sites = new ArrayList<>(Collections.singletonList(null));
  private final List<ThreadInfo> threads = new ArrayList<>(Collections.singletonList(null));

  private static void expectId(String what, long id, int due) {
    if (id != due) {
      throw new In.Corrupt(what + " id " + id + " where " + due + " was due");
    }
  }

  /** Decodes a STRING body. */
  synchronized void defineString(In in) {
    expectId("string", in.uvarint(), strings.size());
    strings.add(in.string());
  }

  /** Decodes a SITE body; its string ids must be defined. */
  synchronized void defineSite(In in) {
    expectId("site", in.uvarint(), sites.size());
    int c = in.uint("class string id", strings.size() - 1);
    int m = in.uint("method string id", strings.size() - 1);
    int f = in.uint("file string id", strings.size() - 1);
    long line = in.svarint();
    int l = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, line));
    sites.add(new Site(strings.get(c), strings.get(m), strings.get(f), l));
  }

  /** Decodes a THREAD body; returns the new thread's id. */
  synchronized int defineThread(In in) {
    int tid = threads.size();
    expectId("thread", in.uvarint(), tid);
    long javaId = in.svarint();
    threads.add(new ThreadInfo(tid, javaId, in.string()));
    return tid;
  }

  synchronized String string(int id) {
    return id >= 0 && id < strings.size() ? strings.get(id) : null;
  }

  synchronized Site site(int id) {
    return id > 0 && id < sites.size() ? sites.get(id) : null;
  }

  synchronized ThreadInfo thread(int tid) {
    return tid > 0 && tid < threads.size() ? threads.get(tid) : null;
  }

  synchronized List<ThreadInfo> threads() {
    return List.copyOf(threads.subList(1, threads.size()));
  }

  /** Number of threads defined. */
  synchronized int threadCount() {
    return threads.size() - 1;
  }
}
