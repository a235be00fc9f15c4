package io.hbtrace.agent.spec;

import java.util.List;
import java.util.Set;

/**
 * A parsed tracepoint spec (format in {@code agent/SPEC.md}): which classes get their
 * synchronization recorded, which fields are recorded as volatile or atomic, and the method
 * tracepoints.
 *
 * @param name where it came from ("builtin:sample-fs" or a file path)
 * @param includes class-name prefixes whose synchronization is recorded
 * @param excludes class-name prefixes taken out of {@code includes}
 * @param volatileFields "Class.field" names recorded on GETFIELD/PUTFIELD
 * @param atomicFields "Class.field" names of atomics whose calls are recorded
 */
public record Spec(
    String name,
    List<String> includes,
    List<String> excludes,
    Set<String> volatileFields,
    Set<String> atomicFields,
    List<Tracepoint> tracepoints) {

  public Spec {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    volatileFields = Set.copyOf(volatileFields);
    atomicFields = Set.copyOf(atomicFields);
    tracepoints = List.copyOf(tracepoints);
  }

  /** Whether the synchronization in class {@code className} (binary name) is recorded. */
  public boolean included(String className) {
    for (String e : excludes) {
      if (className.startsWith(e)) {
        return false;
      }
    }
    for (String i : includes) {
      if (className.startsWith(i)) {
        return true;
      }
    }
    return false;
  }

  /** Whether some tracepoint names a method of {@code className}. */
  public boolean hasTracepoints(String className) {
    for (Tracepoint t : tracepoints) {
      if (t.className().equals(className)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a named volatile or atomic field is declared in {@code className}. */
  public boolean declaresNamedField(String className) {
    String prefix = className + ".";
    for (String f : volatileFields) {
      if (f.startsWith(prefix) && f.indexOf('.', prefix.length()) < 0) {
        return true;
      }
    }
    for (String f : atomicFields) {
      if (f.startsWith(prefix) && f.indexOf('.', prefix.length()) < 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code className} is transformed at all. */
  public boolean instruments(String className) {
    return included(className) || hasTracepoints(className) || declaresNamedField(className);
  }
}
