package io.hbtrace.agent.instrument;

import io.hbtrace.agent.bridge.PermitHooks;
import java.util.concurrent.Phaser;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;

/**
 * The {@code onAdvance(int, int)} of a phaser of the program's own: it runs in the party that
 * arrives last, after every party's arrival was sent and before the phase advances, so its start
 * receives the arrivals and its end, normal or by an exception, sends what it did to the waits for
 * the advance ({@link PermitHooks#advanceStarts}, {@link PermitHooks#advancing}).
 */
final class PhaserInstrumentation {

  private PhaserInstrumentation() {}

  static DynamicType.Builder<?> apply(
      DynamicType.Builder<?> builder, TypeDescription type, ClassScan scan, Sites sites) {
    return MethodAdvice.onDeclared(
        builder,
        type,
        scan,
        sites,
        Phaser.class,
        m -> m.getName().equals("onAdvance") && m.getDescriptor().equals("(II)Z"),
        OnAdvance.class);
  }

  static final class OnAdvance {
    private OnAdvance() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object self, @SiteId int site) {
      PermitHooks.advanceStarts(self, site);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object self, @SiteId int site) {
      PermitHooks.advancing(self, site);
    }
  }
}
