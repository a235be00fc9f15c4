package io.hbtrace.agent.record;

import java.lang.reflect.Field;

/**
 * The collection behind a read-only view of {@code java.util.Collections} ({@code unmodifiableMap},
 * {@code unmodifiableList}, ...): what is read through the view was placed into that collection, so
 * it hands over when that collection does. Needs {@code java.util} opened to this class's module
 * (the agent does it with {@code Instrumentation.redefineModule}); without it no view has a backing
 * collection, and none hands over.
 */
final class ViewBacking {
  private static final String VIEWS = "java.util.Collections$Unmodifiable";

  /** Per view class, the field holding the wrapped collection or map (null: not a view). */
  private final ClassValue<Field> backing =
      new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
          if (!type.getName().startsWith(VIEWS)) {
            return null;
          }
          Field map = OpenFields.find(type, "m"); // a map's views; the others wrap a collection
          return map != null ? map : OpenFields.find(type, "c");
        }
      };

  /** The collection {@code view} wraps, or null if it is not such a view (or cannot be read). */
  Object of(Object view) {
    Field f = backing.get(view.getClass());
    return f == null ? null : OpenFields.read(f, view);
  }
}
