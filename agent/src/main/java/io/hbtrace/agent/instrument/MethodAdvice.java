package io.hbtrace.agent.instrument;

import java.util.function.Predicate;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Advice on chosen methods a class declares (a fork/join task's {@code compute}, a phaser's {@code
 * onAdvance}), each bound to its own site; abstract, native, static and bridge methods are left
 * alone.
 */
final class MethodAdvice {

  private MethodAdvice() {}

  /**
   * {@code advice} on the methods {@code chosen} that {@code type} declares, if it is a class
   * assignable to {@code kind}.
   */
  static DynamicType.Builder<?> onDeclared(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassScan scan,
      Sites sites,
      Class<?> kind,
      Predicate<MethodDescription.InDefinedShape> chosen,
      Class<?> advice) {
    if (!isA(type, kind)) {
      return builder;
    }
    for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
      if (m.isStatic() || m.isAbstract() || m.isNative() || m.isBridge() || !chosen.test(m)) {
        continue;
      }
      int site = sites.method(type, m, scan);
      Advice a = Advice.withCustomMapping().bind(SiteId.class, site).to(advice);
      builder = builder.visit(a.on(ElementMatchers.is(m)));
    }
    return builder;
  }

  /**
   * Whether {@code type} is a class assignable to {@code c}; false when that cannot be resolved.
   */
  private static boolean isA(TypeDescription type, Class<?> c) {
    try {
      return !type.isInterface() && type.isAssignableTo(c);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
