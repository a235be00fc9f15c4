package io.hbtrace.agent.instrument;

import io.hbtrace.agent.bridge.Hooks;
import io.hbtrace.agent.record.Probe;
import io.hbtrace.agent.record.Recorder;
import io.hbtrace.agent.spec.Spec;
import io.hbtrace.agent.spec.Tracepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Method tracepoints of the spec: each method with tracepoints gets a probe (its compiled
 * tracepoints, registered with the recorder) whose id is baked into Advice that hands {@code this},
 * the arguments, the return value and the thrown exception to {@code Hooks.probeEnter/probeExit}.
 * An entry hook is added only where a tracepoint is at entry or keeps an {@code @enter} value.
 * Constructors cannot observe a throw (Advice cannot catch around a constructor).
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
      Set<Tracepoint> matched) {
    for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
      if (m.isAbstract() || m.isNative() || m.isTypeInitializer()) {
        continue;
      }
      List<Tracepoint> here = new ArrayList<>();
      for (Tracepoint t : spec.tracepoints()) {
        if (t.className().equals(type.getName())
            && t.matches(m.getInternalName(), m.getDescriptor())) {
          here.add(t);
        }
      }
      if (here.isEmpty()) {
        continue;
      }
      matched.addAll(here);
      int site =
          sites.site(
              type.getName(),
              m.getInternalName(),
              scan.sourceFile(),
              scan.firstLine(m.getInternalName(), m.getDescriptor()));
      int id = recorder.registerProbe(site, here);
      Probe p = recorder.probe(id);
      Advice.WithCustomMapping mapping = Advice.withCustomMapping().bind(SiteId.class, id);
      boolean ctor = m.isConstructor();
      Advice advice;
      if (p.needsEnter() && p.needsExit()) {
        advice =
            ctor
                ? mapping.to(CtorEnter.class, CtorExitWithState.class)
                : mapping.to(MethodEnter.class, MethodExitWithState.class);
      } else if (p.needsEnter()) {
        advice = mapping.to(ctor ? CtorEnter.class : MethodEnter.class);
      } else {
        advice = mapping.to(ctor ? CtorExit.class : MethodExit.class);
      }
      builder = builder.visit(advice.on(ElementMatchers.is(m)));
    }
    return builder;
  }

  static final class MethodEnter {
    private MethodEnter() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(
        @SiteId int probe,
        @Advice.This(optional = true) Object self,
        @Advice.AllArguments Object[] args) {
      return Hooks.probeEnter(probe, self, args);
    }
  }

  static final class CtorEnter {
    private CtorEnter() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@SiteId int probe, @Advice.AllArguments Object[] args) {
      return Hooks.probeEnter(probe, null, args);
    }
  }

  static final class MethodExitWithState {
    private MethodExitWithState() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @SiteId int probe,
        @Advice.Enter Object state,
        @Advice.This(optional = true) Object self,
        @Advice.AllArguments Object[] args,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable thrown) {
      Hooks.probeExit(probe, state, self, args, result, thrown);
    }
  }

  static final class MethodExit {
    private MethodExit() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(
        @SiteId int probe,
        @Advice.This(optional = true) Object self,
        @Advice.AllArguments Object[] args,
        @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result,
        @Advice.Thrown Throwable thrown) {
      Hooks.probeExit(probe, null, self, args, result, thrown);
    }
  }

  static final class CtorExitWithState {
    private CtorExitWithState() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(
        @SiteId int probe,
        @Advice.Enter Object state,
        @Advice.This Object self,
        @Advice.AllArguments Object[] args) {
      Hooks.probeExit(probe, state, self, args, null, null);
    }
  }

  static final class CtorExit {
    private CtorExit() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(
        @SiteId int probe, @Advice.This Object self, @Advice.AllArguments Object[] args) {
      Hooks.probeExit(probe, null, self, args, null, null);
    }
  }
}
