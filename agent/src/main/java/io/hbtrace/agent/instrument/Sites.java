package io.hbtrace.agent.instrument;

import io.hbtrace.agent.record.TraceOutput;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;

/** Site ids, assigned at transform time through the trace output and cached per location. */
public final class Sites {
  private final TraceOutput out;
  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();

  public Sites(TraceOutput out) {
    this.out = out;
  }

  public int site(String className, String method, String sourceFile, int line) {
    String key = className + '\0' + method + '\0' + sourceFile + '\0' + line;
    return ids.computeIfAbsent(key, k -> out.site(className, method, sourceFile, line));
  }

  /** The site of method {@code m} of {@code type} as a whole: its first line. */
  int method(TypeDescription type, MethodDescription m, ClassScan scan) {
    return site(
        type.getName(),
        m.getInternalName(),
        scan.sourceFile(),
        scan.firstLine(m.getInternalName(), m.getDescriptor()));
  }

  /** String id (for field names baked into volatile hooks). */
  public int string(String s) {
    return out.string(s);
  }
}
