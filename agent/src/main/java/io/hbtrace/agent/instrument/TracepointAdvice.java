package io.hbtrace.agent.instrument;

import io.hbtrace.agent.spec.Expr;
import io.hbtrace.agent.spec.Tracepoint;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.pool.TypePool;

/**
 * Generates, for one traced method, the advice class that records its tracepoints, and hands it to
 * Byte Buddy's {@link Advice} to inline. The class is never loaded: Advice reads its bytes, copies
 * its code into the traced method and translates its frames; Advice also supplies what a
 * hand-written advice would get (the arguments, {@code this}, the return value, the exception,
 * locals shared between entry and exit) and catches exceptional exits.
 *
 * <p>The advice methods take each argument as its own parameter (primitives as themselves,
 * references as {@code Object}, cast back in the body), evaluate every capture with {@link
 * CaptureCode}, keep {@code @enter} values in {@code long} locals ({@code @Advice.Local}) and call
 * the fixed-arity {@code Hooks.event(kind, site, f0..f5)} once per tracepoint: nothing is boxed or
 * allocated. Both methods suppress any {@code Throwable}, so a capture can never disturb the
 * program. An {@code at return} tracepoint is skipped when the method exits by an exception;
 * constructors cannot observe a throw (Advice cannot catch around a constructor), so theirs fire on
 * normal exits only.
 */
final class TracepointAdvice implements Opcodes {
  private static final AtomicInteger NEXT = new AtomicInteger();

  /** Resolves the advice annotations (relocated with Byte Buddy) and JDK types of the advice. */
  private static final TypePool CORE_TYPES =
      TypePool.Default.of(
          ClassFileLocator.ForClassLoader.of(TracepointAdvice.class.getClassLoader()));

  private static final String OBJECT = "Ljava/lang/Object;";
  private static final String EVENT_DESC = "(IIJJJJJJ)V";

  private final TypeDescription type;
  private final MethodDescription method;
  private final List<TypeDescription> argTypes;
  private final int site;
  private final CaptureCode.Chains chains;
  private final Consumer<String> warn;
  private final ToLongFunction<Expr> constants;
  private final List<Tracepoint> atEnter = new ArrayList<>();
  private final List<Tracepoint> atExit = new ArrayList<>();

  /** The {@code @enter} captures of exit tracepoints, each with its local's index. */
  private final Map<Expr, Integer> kept = new IdentityHashMap<>();

  private final List<Expr> keptOrder = new ArrayList<>();

  /**
   * @param constants the value of a literal or string capture (strings are interned ids)
   */
  TracepointAdvice(
      TypeDescription type,
      MethodDescription method,
      List<Tracepoint> tracepoints,
      int site,
      CaptureCode.Chains chains,
      ToLongFunction<Expr> constants,
      Consumer<String> warn) {
    this.type = type;
    this.method = method;
    this.argTypes = method.getParameters().asTypeList().asErasures();
    this.site = site;
    this.chains = chains;
    this.constants = constants;
    this.warn = warn;
    for (Tracepoint t : tracepoints) {
      (t.atExit() ? atExit : atEnter).add(t);
      if (t.atExit()) {
        for (Expr e : t.fields()) {
          if (e.atEnter()) {
            kept.put(e, keptOrder.size());
            keptOrder.add(e);
          }
        }
      }
    }
  }

  /** The advice to apply to the method. */
  Advice advice() {
    String name = "io/hbtrace/agent/generated/Tracepoints$" + NEXT.incrementAndGet();
    byte[] bytes = classFile(name);
    String binary = name.replace('/', '.');
    ClassFileLocator locator = ClassFileLocator.Simple.of(binary, bytes);
    TypePool pool =
        new TypePool.Default(
            new TypePool.CacheProvider.Simple(),
            locator,
            TypePool.Default.ReaderMode.FAST,
            CORE_TYPES);
    return Advice.to(pool.describe(binary).resolve(), locator);
  }

  /** The advice class's bytes (visible to tests, which check the generated code runs). */
  byte[] classFile(String name) {
    ClassWriter cw =
        new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
          @Override
          protected String getCommonSuperClass(String a, String b) {
            return "java/lang/Object"; // only where a null check joins a dropped reference
          }
        };
    cw.visit(V1_8, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, "java/lang/Object", null);
    if (!atEnter.isEmpty() || !keptOrder.isEmpty()) {
      writeEnter(cw);
    }
    if (!atExit.isEmpty()) {
      writeExit(cw);
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  private void writeEnter(ClassWriter cw) {
    Params p = new Params();
    boolean self = !method.isStatic() && !method.isConstructor(); // no usable this before super()
    int thisSlot = self ? p.add(OBJECT, Advice.This.class, null, null) : -1;
    int[] args = p.arguments();
    int[] locals = p.locals(keptOrder.size());
    MethodVisitor mv = p.begin(cw, "enter", Advice.OnMethodEnter.class, false);
    CaptureCode code = capture(mv, thisSlot, args, -1, -1);
    for (int k = 0; k < keptOrder.size(); k++) {
      Expr e = keptOrder.get(k);
      code.emit(e, constants.applyAsLong(e));
      mv.visitVarInsn(LSTORE, locals[k]);
    }
    for (Tracepoint t : atEnter) {
      event(mv, code, t, null);
    }
    p.end(mv);
  }

  private void writeExit(ClassWriter cw) {
    Params p = new Params();
    int thisSlot = method.isStatic() ? -1 : p.add(OBJECT, Advice.This.class, null, null);
    int[] args = p.arguments();
    TypeDescription ret = method.getReturnType().asErasure();
    int retSlot =
        ret.represents(void.class) ? -1 : p.add(descriptor(ret), Advice.Return.class, null, null);
    int thrownSlot =
        method.isConstructor()
            ? -1
            : p.add("Ljava/lang/Throwable;", Advice.Thrown.class, null, null);
    int[] locals = p.locals(keptOrder.size());
    MethodVisitor mv = p.begin(cw, "exit", Advice.OnMethodExit.class, !method.isConstructor());
    CaptureCode code = capture(mv, thisSlot, args, retSlot, thrownSlot);
    for (Tracepoint t : atExit) {
      Label skip = null;
      if (t.normalExitOnly() && thrownSlot >= 0) {
        skip = new Label();
        mv.visitVarInsn(ALOAD, thrownSlot);
        mv.visitJumpInsn(IFNONNULL, skip);
      }
      event(mv, code, t, locals);
      if (skip != null) {
        mv.visitLabel(skip);
      }
    }
    p.end(mv);
  }

  private CaptureCode capture(MethodVisitor mv, int thisSlot, int[] args, int ret, int thrown) {
    CaptureCode.Bases b =
        new CaptureCode.Bases(
            thisSlot, type, args, argTypes, ret, method.getReturnType().asErasure(), thrown);
    return new CaptureCode(mv, type, b, chains, warn);
  }

  /** {@code Hooks.event(kind, site, f0..f5)}; {@code locals} holds the {@code @enter} values. */
  private void event(MethodVisitor mv, CaptureCode code, Tracepoint t, int[] locals) {
    code.pushInt(t.kind().code());
    code.pushInt(site);
    for (int i = 0; i < 6; i++) {
      if (i >= t.fields().size()) {
        mv.visitInsn(LCONST_0);
        continue;
      }
      Expr e = t.fields().get(i);
      Integer k = locals == null ? null : kept.get(e);
      if (k != null) {
        mv.visitVarInsn(LLOAD, locals[k]);
      } else {
        code.emit(e, constants.applyAsLong(e));
      }
    }
    mv.visitMethodInsn(INVOKESTATIC, CallRedirect.HOOKS, "event", EVENT_DESC, false);
  }

  /** Primitives as themselves, references as Object (cast back where a capture uses them). */
  private static String descriptor(TypeDescription t) {
    return t.isPrimitive() ? t.getDescriptor() : OBJECT;
  }

  /** A parameter's Advice annotation, with its one attribute ({@code key} null: none). */
  private record Param(Class<?> type, String key, Object value) {}

  /** The parameter list of one advice method, with its Advice annotations. */
  private final class Params {
    private final StringBuilder desc = new StringBuilder("(");
    private final List<Param> annotations = new ArrayList<>();
    private int slot;

    int add(String descriptor, Class<?> annotation, String key, Object value) {
      desc.append(descriptor);
      annotations.add(new Param(annotation, key, value));
      int s = slot;
      slot += Type.getType(descriptor).getSize();
      return s;
    }

    int[] arguments() {
      int[] slots = new int[argTypes.size()];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = add(descriptor(argTypes.get(i)), Advice.Argument.class, "value", i);
      }
      return slots;
    }

    int[] locals(int n) {
      int[] slots = new int[n];
      for (int k = 0; k < n; k++) {
        slots[k] = add("J", Advice.Local.class, "value", "hbtrace$enter" + k);
      }
      return slots;
    }

    MethodVisitor begin(ClassWriter cw, String name, Class<?> kind, boolean onThrowable) {
      MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, desc + ")V", null, null);
      AnnotationVisitor av = mv.visitAnnotation(Type.getDescriptor(kind), true);
      av.visit("suppress", Type.getType(Throwable.class));
      if (onThrowable) {
        av.visit("onThrowable", Type.getType(Throwable.class));
      }
      av.visitEnd();
      for (int i = 0; i < annotations.size(); i++) {
        Param a = annotations.get(i);
        AnnotationVisitor pv = mv.visitParameterAnnotation(i, Type.getDescriptor(a.type()), true);
        if (a.key() != null) {
          pv.visit(a.key(), a.value());
        }
        pv.visitEnd();
      }
      mv.visitCode();
      return mv;
    }

    void end(MethodVisitor mv) {
      mv.visitInsn(RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
  }
}
