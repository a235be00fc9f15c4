package io.hbtrace.agent.instrument;

import io.hbtrace.agent.record.Problems;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Reads and writes of spec-named fields. A {@code volatile} field: PUTFIELD/PUTSTATIC is preceded
 * by {@code FieldHooks.putField(owner, value, field, site)} and GETFIELD/GETSTATIC followed by
 * {@code FieldHooks.getField(...)}. A read of a primitive field passes the value through the hook,
 * which returns it (in a replay, the value the recorded run read: see {@code ReplayScheduler}); a
 * read of a reference is duplicated on the stack for the hook. An {@code atomic} field: its loads
 * register the atomic object with {@code FieldHooks.atomicLoaded}, and calls on {@code
 * AtomicLong/AtomicInteger/AtomicBoolean/AtomicReference} are rewritten to {@code AtomicHooks},
 * which record them for registered atomics only.
 *
 * <p>A constructor's writes of its own class's fields before its {@code super(...)} or {@code
 * this(...)} call are left as they are: the object is not yet initialized there (javac writes an
 * inner class's outer instance there; Java 25 lets a constructor assign any of its fields), the
 * verifier refuses to let it be passed to a hook, and no other thread can see it yet. Reads there,
 * and accesses to other objects, are recorded as anywhere. An {@code atomic} line that names a
 * field of a primitive type is warned about once and not recorded.
 */
final class FieldAccessInstrumentation extends CallRedirect.LineTracking {
  /** "internal/Owner.field" -> string id, for volatile and atomic fields. */
  private final Map<String, Integer> volatileIds;

  private final Map<String, Integer> atomicIds;

  /** The string ids of the named fields some instrumented code accessed (for verbose's list). */
  private final Set<Integer> accessed;

  /** The string ids of {@code atomic} fields found to be of a primitive type (warned once). */
  private final Set<Integer> warnedAtomics;

  private final Problems problems;

  private final String internalClassName;

  /** Whether the object is initialized: false in a constructor until its super or this call. */
  private boolean constructed;

  /**
   * NEW instructions whose constructor call has not been seen yet (before {@link #constructed}).
   */
  private int pendingNews;

  FieldAccessInstrumentation(
      MethodVisitor mv,
      MethodContext ctx,
      Map<String, Integer> volatileIds,
      Map<String, Integer> atomicIds,
      Set<Integer> accessed,
      Set<Integer> warnedAtomics,
      Problems problems) {
    super(mv, ctx);
    this.volatileIds = volatileIds;
    this.atomicIds = atomicIds;
    this.accessed = accessed;
    this.warnedAtomics = warnedAtomics;
    this.problems = problems;
    this.constructed = !ctx.methodName.equals("<init>");
    this.internalClassName = ctx.className.replace('.', '/');
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    if (!constructed && opcode == Opcodes.NEW) {
      pendingNews++;
    }
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    if (!constructed && opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
      if (pendingNews > 0) {
        pendingNews--; // another object's constructor, as in super(new X())
      } else {
        constructed = true;
      }
    }
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  /** The string id of the named field {@code owner.name} (owner may be a subclass), or null. */
  private static Integer lookup(
      Map<String, Integer> ids, MethodContext ctx, String owner, String name) {
    if (ids.isEmpty()) {
      return null;
    }
    Integer id = ids.get(owner + "." + name);
    if (id != null) {
      return id;
    }
    for (Map.Entry<String, Integer> e : ids.entrySet()) {
      String key = e.getKey();
      int dot = key.lastIndexOf('.');
      if (key.substring(dot + 1).equals(name) && ctx.isSubtype(owner, key.substring(0, dot))) {
        return e.getValue();
      }
    }
    return null;
  }

  private static boolean isReference(String desc) {
    return desc.charAt(0) == 'L' || desc.charAt(0) == '[';
  }

  /** The hook parameter type for a field of descriptor {@code desc}. */
  private static String valueType(String desc) {
    switch (desc.charAt(0)) {
      case 'Z':
      case 'B':
      case 'C':
      case 'S':
      case 'I':
        return "I";
      case 'J':
      case 'F':
      case 'D':
        return desc.substring(0, 1);
      default:
        return "Ljava/lang/Object;";
    }
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String desc) {
    if (!constructed && opcode == Opcodes.PUTFIELD && owner.equals(internalClassName)) {
      super.visitFieldInsn(opcode, owner, name, desc); // this.f = v on the uninitialized this
      return;
    }
    Integer id = lookup(volatileIds, ctx, owner, name);
    if (id != null) {
      accessed.add(id);
      volatileAccess(opcode, owner, name, desc, id);
      return;
    }
    id = lookup(atomicIds, ctx, owner, name);
    if (id != null && !isReference(desc)) {
      if (warnedAtomics.add(id)) {
        problems.warn(
            "spec: atomic "
                + owner.replace('/', '.')
                + "."
                + name
                + " is a "
                + Type.getType(desc).getClassName()
                + ", not an atomic object: not recorded (name it `volatile` to record its accesses)");
      }
      id = null;
    }
    if (id != null && (opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC)) {
      accessed.add(id);
      if (opcode == Opcodes.GETFIELD) {
        super.visitInsn(Opcodes.DUP); // owner, owner
        super.visitFieldInsn(opcode, owner, name, desc); // owner, atomic
      } else {
        super.visitInsn(Opcodes.ACONST_NULL);
        super.visitFieldInsn(opcode, owner, name, desc); // null, atomic
      }
      pushInt(id);
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          CallRedirect.FIELD_HOOKS,
          "atomicLoaded",
          "(Ljava/lang/Object;Ljava/lang/Object;I)Ljava/lang/Object;",
          false);
      super.visitTypeInsn(Opcodes.CHECKCAST, Type.getType(desc).getInternalName());
      return;
    }
    super.visitFieldInsn(opcode, owner, name, desc);
  }

  private void volatileAccess(int opcode, String owner, String name, String desc, int id) {
    String v = valueType(desc);
    boolean wide = desc.equals("J") || desc.equals("D");
    int site = site();
    switch (opcode) {
      case Opcodes.PUTFIELD:
        if (wide) {
          // owner, vv -> owner, vv, owner, vv
          super.visitInsn(Opcodes.DUP2_X1); // vv, owner, vv
          super.visitInsn(Opcodes.POP2); // vv, owner
          super.visitInsn(Opcodes.DUP_X2); // owner, vv, owner
          super.visitInsn(Opcodes.DUP_X2); // owner, owner, vv, owner
          super.visitInsn(Opcodes.POP); // owner, owner, vv
          super.visitInsn(Opcodes.DUP2_X1); // owner, vv, owner, vv
        } else {
          super.visitInsn(Opcodes.DUP2); // owner, v, owner, v
        }
        hook("putField", "(Ljava/lang/Object;" + v + "II)V", id, site);
        super.visitFieldInsn(opcode, owner, name, desc);
        break;
      case Opcodes.GETFIELD:
        super.visitInsn(Opcodes.DUP); // owner, owner
        super.visitFieldInsn(opcode, owner, name, desc); // owner, v
        if (isReference(desc)) {
          super.visitInsn(Opcodes.DUP_X1); // v, owner, v
          hook("getField", "(Ljava/lang/Object;" + v + "II)V", id, site); // v
        } else {
          hook("getField", "(Ljava/lang/Object;" + v + "II)" + v, id, site); // the value to use
        }
        break;
      case Opcodes.PUTSTATIC:
        super.visitInsn(wide ? Opcodes.DUP2 : Opcodes.DUP);
        hook("putStatic", "(" + v + "II)V", id, site);
        super.visitFieldInsn(opcode, owner, name, desc);
        break;
      default: // GETSTATIC
        super.visitFieldInsn(opcode, owner, name, desc);
        if (isReference(desc)) {
          super.visitInsn(Opcodes.DUP);
          hook("getStatic", "(" + v + "II)V", id, site);
        } else {
          hook("getStatic", "(" + v + "II)" + v, id, site); // the value to use
        }
        break;
    }
  }

  private void hook(String name, String desc, int field, int site) {
    pushInt(field);
    pushInt(site);
    super.visitMethodInsn(Opcodes.INVOKESTATIC, CallRedirect.FIELD_HOOKS, name, desc, false);
  }

  /** Rewrites of calls on the atomic classes, for classes that use spec-named atomic fields. */
  static void addAtomicRules(CallRedirect.Rules rules) {
    CallRedirect.Rules r = rules.in(CallRedirect.ATOMIC_HOOKS);
    atomicNumber(r, "java/util/concurrent/atomic/AtomicLong", "J");
    atomicNumber(r, "java/util/concurrent/atomic/AtomicInteger", "I");
    atomicOther(r, "java/util/concurrent/atomic/AtomicBoolean", "Z");
    atomicOther(r, "java/util/concurrent/atomic/AtomicReference", "Ljava/lang/Object;");
    CallRedirect.Rules u = rules.in(CallRedirect.ATOMIC_UPDATE_HOOKS);
    atomicFunctions(u, "java/util/concurrent/atomic/AtomicLong", "J", "Long");
    atomicFunctions(u, "java/util/concurrent/atomic/AtomicInteger", "I", "Int");
    atomicFunctions(u, "java/util/concurrent/atomic/AtomicReference", "Ljava/lang/Object;", "");
    u.exact(
        "java/util/concurrent/atomic/AtomicBoolean",
        "compareAndExchange",
        "(ZZ)Z",
        "compareAndExchange");
  }

  /**
   * Updates by a function of an atomic whose value is {@code t} ({@code Long}, {@code Int} or, for
   * a reference, no prefix: {@code UnaryOperator}, {@code BinaryOperator}), and its {@code
   * compareAndExchange}.
   */
  private static void atomicFunctions(CallRedirect.Rules r, String type, String t, String prefix) {
    String unary = "Ljava/util/function/" + prefix + "UnaryOperator;";
    String binary = "Ljava/util/function/" + prefix + "BinaryOperator;";
    r.exact(type, "updateAndGet", "(" + unary + ")" + t, "updateAndGet")
        .exact(type, "getAndUpdate", "(" + unary + ")" + t, "getAndUpdate")
        .exact(type, "accumulateAndGet", "(" + t + binary + ")" + t, "accumulateAndGet")
        .exact(type, "getAndAccumulate", "(" + t + binary + ")" + t, "getAndAccumulate")
        .exact(type, "compareAndExchange", "(" + t + t + ")" + t, "compareAndExchange");
  }

  private static void atomicNumber(CallRedirect.Rules r, String type, String t) {
    r.exact(type, "get", "()" + t, "get")
        .exact(type, "getAcquire", "()" + t, "getAcquire")
        .exact(type, "set", "(" + t + ")V", "set")
        .exact(type, "lazySet", "(" + t + ")V", "lazySet")
        .exact(type, "setRelease", "(" + t + ")V", "setRelease")
        .exact(type, "getAndSet", "(" + t + ")" + t, "getAndSet")
        .exact(type, "compareAndSet", "(" + t + t + ")Z", "compareAndSet")
        .exact(type, "incrementAndGet", "()" + t, "incrementAndGet")
        .exact(type, "decrementAndGet", "()" + t, "decrementAndGet")
        .exact(type, "getAndIncrement", "()" + t, "getAndIncrement")
        .exact(type, "getAndDecrement", "()" + t, "getAndDecrement")
        .exact(type, "addAndGet", "(" + t + ")" + t, "addAndGet")
        .exact(type, "getAndAdd", "(" + t + ")" + t, "getAndAdd");
  }

  private static void atomicOther(CallRedirect.Rules r, String type, String t) {
    r.exact(type, "get", "()" + t, "get")
        .exact(type, "set", "(" + t + ")V", "set")
        .exact(type, "lazySet", "(" + t + ")V", "lazySet")
        .exact(type, "getAndSet", "(" + t + ")" + t, "getAndSet")
        .exact(type, "compareAndSet", "(" + t + t + ")Z", "compareAndSet");
  }
}
