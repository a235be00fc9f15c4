package io.hbtrace.agent.instrument;

import io.hbtrace.agent.record.TraceOutput;
import java.util.concurrent.ConcurrentHashMap;

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

  /** String id (for field names baked into volatile hooks). */
  public int string(String s) {
    return out.string(s);
  }
}
