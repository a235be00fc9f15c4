package io.hbtrace.traces;

/**
 * Settles Chronicle's JVM-wide switches before any Chronicle class initialises: no analytics, no
 * banner, no loading of {@code ./system.properties}, no background resource-releaser thread, no
 * disk-space-checker thread. Each is set only if the user has not set it. Every entry point of this
 * package ({@link TraceWriter#create}, {@link TraceReader#open}, {@link TracePacker#pack}) calls
 * {@link #apply()} first; classes that touch Chronicle are only loaded after that.
 *
 * <p>If Chronicle was already initialised in this JVM by someone else, their settings stand.
 */
final class ChronicleHygiene {
  /** Points {@code system.properties} here: a path that cannot exist on any file system. */
  static final String NO_SYSTEM_PROPERTIES = "/nonexistent/hbtrace/no-system.properties";

  static {
    setIfAbsent("chronicle.analytics.disable", "true");
    setIfAbsent("chronicle.announcer.disable", "true");
    setIfAbsent("system.properties", NO_SYSTEM_PROPERTIES);
    // releases resources on the closing thread instead of a thread that outlives close()
    setIfAbsent("background.releaser", "false");
    setIfAbsent("chronicle.disk.monitor.disable", "true");
  }

  private ChronicleHygiene() {}

  /** Runs the static initialiser once; cheap afterwards. */
  static void apply() {}

  private static void setIfAbsent(String key, String value) {
    try {
      if (System.getProperty(key) == null) {
        System.setProperty(key, value);
      }
    } catch (SecurityException e) {
      // a security manager forbids it: Chronicle keeps its defaults
    }
  }

  /** The one-line hint for JVMs started without the flags Chronicle needs. */
  static final String JVM_FLAGS =
      "--add-opens java.base/java.lang.reflect=ALL-UNNAMED"
          + " --add-exports java.base/sun.nio.ch=ALL-UNNAMED"
          + " --add-exports java.base/jdk.internal.ref=ALL-UNNAMED";
}
