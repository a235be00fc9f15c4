package io.hbtrace.agent.spec;

import io.hbtrace.traces.event.EventKind;
import java.util.List;

/**
 * One {@code at} line of a spec: at entry or exit of the methods it names, record {@code kind} with
 * {@code fields} (in the kind's wire order).
 *
 * @param normalExitOnly {@code at return}: at exits by return only, not by a thrown exception
 * @param descriptor the JVM method descriptor, or {@code null} for every overload of the name
 * @param where "file:line" of the spec line, for messages
 */
public record Tracepoint(
    boolean atExit,
    boolean normalExitOnly,
    String className,
    String method,
    String descriptor,
    EventKind kind,
    List<Expr> fields,
    String where) {

  public Tracepoint {
    fields = List.copyOf(fields);
  }

  public boolean matches(String methodName, String methodDescriptor) {
    return method.equals(methodName) && (descriptor == null || descriptor.equals(methodDescriptor));
  }

  /** The method as the spec names it, e.g. {@code a.B#c(J)V}. */
  public String target() {
    return className + "#" + method + (descriptor == null ? "" : descriptor);
  }
}
