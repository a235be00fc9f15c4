package io.hbtrace.agent.core;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.Set;

/**
 * The JVM names threads made without a name {@code Thread-0}, {@code Thread-1}, ... from one
 * counter. The agent's start-up takes a number (Chronicle registers an unnamed shutdown hook),
 * which would shift the default name of every thread the program makes; at {@code premain} nothing
 * else runs yet, so the counter is put back where it was. The counter is {@code
 * Thread.threadInitNumber} up to Java 18 and {@code Thread.ThreadNumbering.next} since; {@code
 * java.lang} is opened to the agent to reach it. Best effort: if the JDK has neither, names stay as
 * they come.
 */
final class ThreadNumbering {
  private final Field counter;
  private final int before;

  private ThreadNumbering(Field counter, int before) {
    this.counter = counter;
    this.before = before;
  }

  /** The counter as it is now, to {@link #restore} later; null if it cannot be reached. */
  static ThreadNumbering note(Instrumentation inst) {
    try {
      inst.redefineModule(
          Thread.class.getModule(),
          Set.of(),
          Map.of(),
          Map.of("java.lang", Set.of(ThreadNumbering.class.getModule())),
          Set.of(),
          Map.of());
      Field f = counter();
      f.setAccessible(true);
      return new ThreadNumbering(f, f.getInt(null));
    } catch (Throwable t) { // no such field, or the JDK refuses: leave the names be
      return null;
    }
  }

  private static Field counter() throws ReflectiveOperationException {
    try {
      return Thread.class.getDeclaredField("threadInitNumber");
    } catch (NoSuchFieldException e) {
      return Class.forName("java.lang.Thread$ThreadNumbering").getDeclaredField("next");
    }
  }

  /** Puts the counter back to its noted value. */
  void restore() {
    try {
      counter.setInt(null, before);
    } catch (Throwable t) {
      // as note(): the names stay shifted
    }
  }
}
