package io.hbtrace.analyzer;

/** Names behind the ids of a trace: interned strings, source sites and thread names. */
public interface Symbols {

  /** The interned string with this id, or {@code "?"} if unknown. */
  String string(int id);

  /** The source site with this id, or {@link SourceSite#UNKNOWN}. */
  SourceSite site(int id);

  /** The recorded name of trace thread {@code tid}, or {@code "thread-<tid>"}. */
  String threadName(int tid);

  /** No names at all: for hand-built traces in tests. */
  static Symbols none() {
    return new Symbols() {
      @Override
      public String string(int id) {
        return "?";
      }

      @Override
      public SourceSite site(int id) {
        return SourceSite.UNKNOWN;
      }

      @Override
      public String threadName(int tid) {
        return "thread-" + tid;
      }
    };
  }
}
