package io.hbtrace.agent.record;

import java.lang.reflect.Field;

/**
 * Reflective reads of fields a class does not expose (the JDK's, or a traced class's), which never
 * throw: a field that does not exist, or whose package is not opened to the agent, is null, and a
 * read that fails gives null.
 */
final class OpenFields {
  private OpenFields() {}

  /**
   * The field {@code name} declared in {@code c} or its nearest superclass that declares one,
   * opened; null if there is none or it cannot be opened (a named module that does not open the
   * package).
   */
  static Field find(Class<?> c, String name) {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      try {
        return open(k.getDeclaredField(name));
      } catch (NoSuchFieldException e) {
        // look further up
      } catch (RuntimeException e) {
        return null; // refused (a security manager)
      }
    }
    return null;
  }

  /** {@code f}, opened; null if it cannot be. */
  static Field open(Field f) {
    try {
      f.setAccessible(true);
      return f;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The value of {@code f} in {@code o}; null if it cannot be read. */
  static Object read(Field f, Object o) {
    try {
      return f.get(o);
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }
}
