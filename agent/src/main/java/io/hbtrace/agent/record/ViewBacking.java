package io.hbtrace.agent.record;

import java.lang.reflect.Field;

/**
 * What the agent reads inside the views of {@code java.util.Collections}: the collection behind a
 * read-only view ({@code unmodifiableMap}, {@code unmodifiableList}, ...), since what is read
 * through the view was placed into that collection, so it hands over when that collection does; and
 * the lock of a synchronized view ({@code synchronizedList}, {@code synchronizedMap}, its key,
 * value and entry sets, ...), which every call on the view holds and which the program must hold to
 * iterate it. Needs {@code java.util} opened to this class's module (the agent does it with {@code
 * Instrumentation.redefineModule}); without it no view has a backing collection or a lock, and
 * neither kind of view hands over more than its own calls do.
 */
final class ViewBacking {
  private static final String READ_ONLY = "java.util.Collections$Unmodifiable";
  private static final String SYNCHRONIZED = "java.util.Collections$Synchronized";

  /** Per view class, the field holding the wrapped collection or map (null: not a view). */
  private final ClassValue<Field> backing =
      new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
          if (!type.getName().startsWith(READ_ONLY) && !type.getName().startsWith(SYNCHRONIZED)) {
            return null;
          }
          Field map = OpenFields.find(type, "m"); // a map's views; the others wrap a collection
          return map != null ? map : OpenFields.find(type, "c");
        }
      };

  /** Per synchronized view class, the field holding the lock its calls hold (null: not one). */
  private final ClassValue<Field> mutex =
      new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
          return type.getName().startsWith(SYNCHRONIZED) ? OpenFields.find(type, "mutex") : null;
        }
      };

  /** The collection {@code view} wraps, or null if it is not such a view (or cannot be read). */
  Object of(Object view) {
    Field f = backing.get(view.getClass());
    return f == null ? null : OpenFields.read(f, view);
  }

  /** The lock of the synchronized {@code view}, or null if it is not one (or cannot be read). */
  Object lockOf(Object view) {
    Field f = mutex.get(view.getClass());
    return f == null ? null : OpenFields.read(f, view);
  }
}
