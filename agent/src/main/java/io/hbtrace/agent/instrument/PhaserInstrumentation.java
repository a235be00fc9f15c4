package io.hbtrace.agent.instrument;

import io.hbtrace.agent.bridge.PermitHooks;
import java.util.concurrent.Phaser;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * The {@code onAdvance(int, int)} of a phaser of the program's own: it runs in the party that
 * arrives last, after that party's arrival was sent and before the phase advances, so what it does
 * is handed over by a send of its own at its end, normal or by an exception ({@link
 * PermitHooks#advancing}).
 */
final class PhaserInstrumentation {

  private PhaserInstrumentation() {}

  static DynamicType.Builder<?> apply(
      DynamicType.Builder<?> builder, TypeDescription type, ClassScan scan, Sites sites) {
    if (!isPhaser(type)) {
      return builder;
    }
    for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
      if (!m.getName().equals("onAdvance")
          || !m.getDescriptor().equals("(II)Z")
          || m.isStatic()
          || m.isAbstract()
          || m.isNative()) {
        continue;
      }
      int site = sites.method(type, m, scan);
      Advice advice = Advice.withCustomMapping().bind(SiteId.class, site).to(OnAdvance.class);
      builder = builder.visit(advice.on(ElementMatchers.is(m)));
    }
    return builder;
  }

  /** Whether {@code type} is a phaser; false when its supertypes cannot be resolved. */
  private static boolean isPhaser(TypeDescription type) {
    try {
      return !type.isInterface() && type.isAssignableTo(Phaser.class);
    } catch (RuntimeException e) {
      return false;
    }
  }

  static final class OnAdvance {
    private OnAdvance() {}

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object self, @SiteId int site) {
      PermitHooks.advancing(self, site);
    }
  }
}
