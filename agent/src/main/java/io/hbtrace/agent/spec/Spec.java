package io.hbtrace.agent.spec;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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

  /**
   * A short digest of what this spec records (not of its name or layout): two runs recorded with
   * specs of the same digest have the same events at the same places. Replay checks it.
   */
  public String digest() {
    StringBuilder b = new StringBuilder();
    b.append(includes).append('\n').append(excludes).append('\n');
    b.append(new TreeSet<>(volatileFields)).append('\n').append(new TreeSet<>(atomicFields));
    for (Tracepoint t : tracepoints) {
      b.append('\n').append(t);
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
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
