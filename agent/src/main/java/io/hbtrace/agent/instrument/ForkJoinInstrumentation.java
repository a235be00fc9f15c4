package io.hbtrace.agent.instrument;

import io.hbtrace.agent.bridge.ForkJoinHooks;
import java.util.concurrent.ForkJoinTask;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/**
 * The {@code compute()} of a fork/join task of the program's own ({@code RecursiveTask}, {@code
 * RecursiveAction}, {@code CountedCompleter}, any {@code ForkJoinTask}): its start receives the
 * hand-off of the task (channel: the task), its end, normal or by an exception, sends what {@code
 * join} and {@code get} receive ({@link ForkJoinHooks}). Bridge methods are left alone, so a {@code
 * compute} with a narrower return type records once.
 */
final class ForkJoinInstrumentation {

  private ForkJoinInstrumentation() {}

  static DynamicType.Builder<?> apply(
      DynamicType.Builder<?> builder, TypeDescription type, ClassScan scan, Sites sites) {
    return MethodAdvice.onDeclared(
        builder,
        type,
        scan,
        sites,
        ForkJoinTask.class,
        m -> m.getName().equals("compute") && m.getParameters().isEmpty(),
        Compute.class);
  }

  static final class Compute {
    private Compute() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object self, @SiteId int site) {
      ForkJoinHooks.computeStarts(self, site);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object self, @SiteId int site) {
      ForkJoinHooks.computeEnds(self, site);
    }
  }
}
