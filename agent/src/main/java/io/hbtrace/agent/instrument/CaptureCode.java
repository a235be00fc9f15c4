package io.hbtrace.agent.instrument;

import io.hbtrace.agent.spec.Expr;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Emits the bytecode of one capture expression into a generated advice method, leaving its value on
 * the operand stack as a {@code long}: no boxing, no argument array, no reflection where the static
 * types allow it.
 *
 * <p>Each field hop is resolved when the code is generated, in the static type reached so far and
 * its superclasses; if the field is found and the traced class may read it, the hop is a {@code
 * GETFIELD} behind a null check (a null anywhere gives 0). Otherwise the rest of the chain is read
 * reflectively at run time through {@code Hooks.capture(base, chain)} (a field declared only in a
 * runtime subclass, a private field of another class, an interface-typed base). The final value is
 * converted by its static type when that decides it (primitives, enums, the final JDK boxes), else
 * at run time by {@code Hooks.value} (enum ordinal, JDK number, or identity).
 *
 * <p>Branches join only with the same operand stack shape (a {@code long} on top, the same refs
 * below), so the frames ASM computes never need the class hierarchy.
 */
final class CaptureCode implements Opcodes {
  private static final String HOOKS = CallRedirect.HOOKS;

  /** The JDK's final boxes, converted by {@code Number.longValue()}. */
  private static final Set<String> NUMBERS =
      Set.of(
          "java.lang.Long",
          "java.lang.Integer",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Double",
          "java.lang.Float");

  /** Registers the reflective rest of a chain; returns its id. */
  interface Chains {
    int register(String source, List<String> hops);
  }

  /** Where an advice method holds what captures start from; a slot of -1 is absent. */
  record Bases(
      int thisSlot,
      TypeDescription thisType,
      int[] argSlots,
      List<TypeDescription> argTypes,
      int returnSlot,
      TypeDescription returnType,
      int thrownSlot) {}

  private final MethodVisitor mv;
  private final TypeDescription from;
  private final Bases bases;
  private final Chains chains;
  private final Consumer<String> warn;

  /**
   * @param from the traced class: the generated code runs inside it, so its access decides which
   *     fields can be read directly
   * @param warn told of a capture that can only read 0 (a spec mistake found in the code)
   */
  CaptureCode(
      MethodVisitor mv, TypeDescription from, Bases bases, Chains chains, Consumer<String> warn) {
    this.mv = mv;
    this.from = from;
    this.bases = bases;
    this.chains = chains;
    this.warn = warn;
  }

  /** Pushes the value of {@code e} evaluated now, ignoring its {@code @enter} mark. */
  void emit(Expr e, long constant) {
    switch (e.base()) {
      case LITERAL:
      case TEXT:
        pushLong(constant);
        return;
      case THROWN:
        thrown();
        return;
      default:
        break;
    }
    TypeDescription t = loadBase(e);
    if (t != null) {
      follow(t, e);
    }
  }

  void pushLong(long v) {
    if (v == 0 || v == 1) {
      mv.visitInsn(LCONST_0 + (int) v);
    } else {
      mv.visitLdcInsn(v);
    }
  }

  private void thrown() {
    if (bases.thrownSlot() < 0) {
      mv.visitInsn(LCONST_0);
      return;
    }
    Label none = new Label();
    Label done = new Label();
    mv.visitVarInsn(ALOAD, bases.thrownSlot());
    mv.visitJumpInsn(IFNULL, none);
    mv.visitInsn(LCONST_1);
    mv.visitJumpInsn(GOTO, done);
    mv.visitLabel(none);
    mv.visitInsn(LCONST_0);
    mv.visitLabel(done);
  }

  /** Pushes the base and returns its static type, or pushes 0L and returns null if absent. */
  private TypeDescription loadBase(Expr e) {
    int slot;
    TypeDescription type;
    switch (e.base()) {
      case THIS:
        slot = bases.thisSlot();
        type = bases.thisType();
        break;
      case ARG:
        boolean present = e.arg() < bases.argSlots().length;
        slot = present ? bases.argSlots()[e.arg()] : -1;
        type = present ? bases.argTypes().get(e.arg()) : null;
        break;
      default:
        slot = bases.returnSlot();
        type = bases.returnType();
        break;
    }
    if (slot < 0) {
      mv.visitInsn(LCONST_0);
      return null;
    }
    mv.visitVarInsn(Type.getType(type.getDescriptor()).getOpcode(ILOAD), slot);
    if (!type.isPrimitive()) {
      mv.visitTypeInsn(CHECKCAST, type.getInternalName());
    }
    return type;
  }

  /** With a value of type {@code t} on the stack: follows the hops and converts to long. */
  private void follow(TypeDescription t, Expr e) {
    Label isNull = new Label();
    boolean nullable = false;
    List<String> hops = e.hops();
    if (t != null && !resolves(t)) {
      atRunTime(e, hops, 0); // a reference of a type the pool cannot find: read on reflectively
      t = null;
    }
    for (int i = 0; i < hops.size() && t != null; i++) {
      if (t.isPrimitive()) {
        mv.visitInsn(t.getStackSize().getSize() == 2 ? POP2 : POP);
        mv.visitInsn(LCONST_0); // a hop on a primitive: the spec's own mistake, reads 0
        warn.accept(
            "'" + e + "' takes a field of a " + t.getName() + ", which has none: it reads 0");
        t = null;
        break;
      }
      FieldDescription f = readableField(t, hops.get(i));
      if (f == null) {
        atRunTime(e, hops, i);
        t = null;
        break;
      }
      mv.visitInsn(DUP);
      mv.visitJumpInsn(IFNULL, isNull);
      nullable = true;
      if (f.isStatic()) {
        mv.visitInsn(POP);
        mv.visitFieldInsn(GETSTATIC, t.getInternalName(), f.getName(), f.getDescriptor());
      } else {
        mv.visitFieldInsn(GETFIELD, t.getInternalName(), f.getName(), f.getDescriptor());
      }
      t = erasure(f);
      if (t == null) { // the field's type cannot be described: go on at run time
        atRunTime(e, hops, i + 1);
        break;
      }
    }
    if (t != null && convert(t, isNull)) {
      nullable = true;
    }
    if (nullable) {
      Label done = new Label();
      mv.visitJumpInsn(GOTO, done);
      mv.visitLabel(isNull);
      mv.visitInsn(POP);
      mv.visitInsn(LCONST_0);
      mv.visitLabel(done);
    }
  }

  /**
   * With a reference on the stack: reads hops {@code i..} of {@code e} at run time, or converts the
   * reference itself if no hop is left.
   */
  private void atRunTime(Expr e, List<String> hops, int i) {
    if (i == hops.size()) {
      mv.visitMethodInsn(INVOKESTATIC, HOOKS, "value", "(Ljava/lang/Object;)J", false);
      return;
    }
    pushInt(chains.register(e.toString(), hops.subList(i, hops.size())));
    mv.visitMethodInsn(INVOKESTATIC, HOOKS, "capture", "(Ljava/lang/Object;I)J", false);
  }

  /** The erased type of {@code f}, or null if the pool cannot describe it. */
  private static TypeDescription erasure(FieldDescription f) {
    try {
      TypeDescription t = f.getType().asErasure();
      return resolves(t) ? t : null;
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /**
   * Whether the pool can describe {@code t}: a field's type may be missing from the class path (an
   * optional dependency), which must not keep the rest of the class from being instrumented.
   */
  private static boolean resolves(TypeDescription t) {
    try {
      t.getModifiers();
      return true;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Converts the value of static type {@code t} on the stack; true if it may jump to isNull. */
  private boolean convert(TypeDescription t, Label isNull) {
    if (t.isPrimitive()) {
      if (t.represents(double.class)) {
        mv.visitInsn(D2L);
      } else if (t.represents(float.class)) {
        mv.visitInsn(F2L);
      } else if (!t.represents(long.class)) {
        mv.visitInsn(I2L); // int, short, byte, char, boolean
      }
      return false;
    }
    String owner;
    String name;
    String desc;
    if (t.isEnum()) {
      owner = "java/lang/Enum";
      name = "ordinal";
      desc = "()I";
    } else if (NUMBERS.contains(t.getName())) {
      owner = "java/lang/Number";
      name = "longValue";
      desc = "()J";
    } else if (t.represents(Boolean.class)) {
      owner = "java/lang/Boolean";
      name = "booleanValue";
      desc = "()Z";
    } else if (t.represents(Character.class)) {
      owner = "java/lang/Character";
      name = "charValue";
      desc = "()C";
    } else {
      mv.visitMethodInsn(INVOKESTATIC, HOOKS, "value", "(Ljava/lang/Object;)J", false);
      return false;
    }
    mv.visitInsn(DUP);
    mv.visitJumpInsn(IFNULL, isNull);
    mv.visitMethodInsn(INVOKEVIRTUAL, owner, name, desc, false);
    if (!desc.endsWith("J")) {
      mv.visitInsn(I2L);
    }
    return true;
  }

  /**
   * The field {@code name} of {@code t} or its superclasses if the traced class may read it
   * directly through a reference typed {@code t}; null otherwise (or if a type cannot be resolved).
   */
  private FieldDescription readableField(TypeDescription t, String name) {
    try {
      if (t.isArray() || t.isInterface() || !t.isVisibleTo(from)) {
        return null;
      }
      for (TypeDefinition k = t; k != null; k = k.getSuperClass()) {
        FieldList<?> fs = k.getDeclaredFields().filter(ElementMatchers.named(name));
        if (!fs.isEmpty()) {
          FieldDescription f = fs.getOnly();
          return mayRead(f) ? f : null;
        }
      }
      return null;
    } catch (RuntimeException | LinkageError e) {
      return null; // a type the pool cannot resolve: read at run time
    }
  }

  /** The JVM's access rule for {@code f} from the traced class (protected: same package only). */
  private boolean mayRead(FieldDescription f) {
    TypeDescription declaring = f.getDeclaringType().asErasure();
    if (f.isPublic()) {
      return true;
    }
    if (f.isPrivate()) {
      return declaring.equals(from);
    }
    return packageOf(declaring).equals(packageOf(from));
  }

  private static String packageOf(TypeDescription t) {
    String n = t.getName();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(0, dot);
  }

  void pushInt(int v) {
    CallRedirect.pushInt(mv, v);
  }
}
