package io.hbtrace.agent.instrument;

import io.hbtrace.agent.record.Problems;
import io.hbtrace.agent.record.Recorder;
import io.hbtrace.agent.spec.Expr;
import io.hbtrace.agent.spec.Spec;
import io.hbtrace.agent.spec.Tracepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Method tracepoints of the spec: each method with tracepoints gets advice generated for exactly
 * its tracepoints ({@link TracepointAdvice}), which captures the fields in place and records each
 * event with one call of {@code Hooks.event}. The site of every event is the method (class, method,
 * source file, first line). Compiler-generated methods (lambda bodies, accessors) are traced like
 * any other, except bridges, which are skipped: a bridge calls the method it stands for, whose
 * tracepoint records the event.
 */
final class TracepointInstrumentation {

  private TracepointInstrumentation() {}

  static DynamicType.Builder<?> apply(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassScan scan,
      Sites sites,
      Spec spec,
      Recorder recorder,
      Problems problems,
      Set<Tracepoint> matched) {
    for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
      if (m.isAbstract() || m.isNative() || m.isTypeInitializer()) {
        continue;
      }
      List<Tracepoint> here = new ArrayList<>();
      for (Tracepoint t : spec.tracepoints()) {
        if (t.className().equals(type.getName())
            && t.matches(m.getInternalName(), m.getDescriptor())) {
          if (m.isBridge()) {
            bridge(t, m, problems, matched);
          } else if (argumentsFit(t, m, problems)) {
            here.add(t);
          }
        }
      }
      if (here.isEmpty()) {
        continue;
      }
      matched.addAll(here);
      int site = sites.method(type, m, scan);
      TracepointAdvice advice =
          new TracepointAdvice(
              type,
              m,
              here,
              site,
              recorder::registerChain,
              e -> e.base() == Expr.Base.TEXT ? recorder.string(e.text()) : e.literal(),
              message ->
                  problems.warn(
                      type.getName()
                          + "#"
                          + m.getInternalName()
                          + m.getDescriptor()
                          + ": "
                          + message));
      builder = builder.visit(advice.advice().on(ElementMatchers.is(m)));
    }
    return builder;
  }

  /**
   * A tracepoint that matches a bridge: without a descriptor it also matches the method the bridge
   * calls, which records the event; named by the bridge's descriptor, it is warned about.
   */
  private static void bridge(
      Tracepoint t,
      MethodDescription.InDefinedShape m,
      Problems problems,
      Set<Tracepoint> matched) {
    if (t.descriptor() != null) {
      matched.add(t); // said here, not again as "never matched"
      problems.warn(
          t.where()
              + ": "
              + t.className()
              + "#"
              + m.getInternalName()
              + m.getDescriptor()
              + " is a bridge the compiler wrote, which cannot be traced; name the method it calls");
    }
  }

  /**
   * Whether every {@code argN} of {@code t} names an argument of {@code m}, and {@code return} a
   * value: a tracepoint without a descriptor matches every overload, and one may take fewer
   * arguments than its fields name, or return nothing; it is then skipped there, with a warning.
   */
  private static boolean argumentsFit(
      Tracepoint t, MethodDescription.InDefinedShape m, Problems problems) {
    int count = m.getParameters().size();
    for (Expr e : t.fields()) {
      if (e.base() == Expr.Base.RETURN
          && (m.isConstructor() || m.getReturnType().represents(void.class))) {
        problems.warn(
            t.where()
                + ": 'return' of "
                + t.className()
                + "#"
                + m.getInternalName()
                + m.getDescriptor()
                + ", which returns nothing; the tracepoint is skipped there");
        return false;
      }
      if (e.base() == Expr.Base.ARG && e.arg() >= count) {
        problems.warn(
            t.where()
                + ": 'arg"
                + e.arg()
                + "' is out of range for "
                + t.className()
                + "#"
                + m.getInternalName()
                + m.getDescriptor()
                + " (it takes "
                + count
                + " argument(s)); the tracepoint is skipped there");
        return false;
      }
    }
    return true;
  }
}
