package io.hbtrace.agent.instrument;

import io.hbtrace.agent.bridge.MonitorHooks;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * {@code synchronized} methods, which have no MONITORENTER instruction: Advice records the monitor
 * ({@code this}, or the class for a static method) as entered at method entry and as exited before
 * every return and every throw; in a scheduled run the method becomes a synchronized block instead
 * ({@link SynchronizedMethodBlocks}).
 */
final class SynchronizedMethodInstrumentation {

  private SynchronizedMethodInstrumentation() {}

  /**
   * Records the monitor of every {@code synchronized} method of {@code type}; {@code asBlocks}: a
   * scheduled run defining the class, in which each becomes a synchronized block where it can
   * ({@link SynchronizedMethodBlocks}), else advice records it.
   */
  static DynamicType.Builder<?> apply(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassScan scan,
      Sites sites,
      boolean asBlocks) {
    Map<String, Integer> blocks = new HashMap<>();
    for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
      if (!m.isSynchronized() || m.isAbstract() || m.isNative()) {
        continue;
      }
      int site = sites.method(type, m, scan);
      if (asBlocks
          && (m.isStatic() || !scan.writesLocal0(m.getInternalName(), m.getDescriptor()))) {
        blocks.put(m.getInternalName() + m.getDescriptor(), site);
        continue;
      }
      Advice advice =
          Advice.withCustomMapping()
              .bind(SiteId.class, site)
              .to(m.isStatic() ? StaticMethod.class : InstanceMethod.class);
      builder = builder.visit(advice.on(ElementMatchers.is(m)));
    }
    return blocks.isEmpty() ? builder : builder.visit(new SynchronizedMethodBlocks(blocks));
  }

  static final class InstanceMethod {
    private InstanceMethod() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object self, @SiteId int site) {
      MonitorHooks.monitorEnter(self, site);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object self, @SiteId int site) {
      MonitorHooks.monitorExit(self, site);
    }
  }

  static final class StaticMethod {
    private StaticMethod() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.Origin Class<?> type, @SiteId int site) {
      MonitorHooks.monitorEnter(type, site);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Origin Class<?> type, @SiteId int site) {
      MonitorHooks.monitorExit(type, site);
    }
  }
}
