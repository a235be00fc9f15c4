package io.hbtrace.bench;

/** JVM flags every forked benchmark JVM gets: what Chronicle Queue needs on Java 17+. */
final class BenchFlags {
  static final String OPENS_REFLECT = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";
  static final String EXPORTS_NIO = "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED";
  static final String EXPORTS_REF = "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED";
  static final String HEAP = "-Xmx2g";

  private BenchFlags() {}
}
