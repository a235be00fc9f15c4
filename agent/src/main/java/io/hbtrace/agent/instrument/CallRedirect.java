package io.hbtrace.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Rewrites calls to chosen methods into a static call of a hook with the same arguments plus an int
 * site id: {@code lock.lock()} becomes {@code LockHooks.lock(lock, site)}. The operand stack is
 * unchanged up to the site constant, so no locals or shuffling are needed, and the hook performs
 * the call itself (virtual dispatch intact) with its events around it.
 *
 * <p>A method reference to such a method ({@code CompletableFuture::join}, {@code
 * latch::countDown}) would be called from a class the JDK generates, which is not instrumented: its
 * {@code LambdaMetafactory} call site is given a method added to the class instead ({@link
 * ReferenceBridges}), which calls the hook with a site of its own (the line that makes the
 * reference and the method's name). In a class that cannot take methods (loaded before the agent),
 * a reference bound to its receiver and taking no arguments ({@code lock::unlock}) is given the
 * hook itself, the site captured as one more value; any other is left as it is.
 *
 * <p>A constructor's rule instead passes the constructor's last argument through its hook, which
 * returns what the constructor is given: {@code new CyclicBarrier(n, action)} becomes {@code new
 * CyclicBarrier(n, PermitHooks.barrierAction(action, site))}.
 */
final class CallRedirect {

  // Internal names of the bridge's hook facades, the classes instrumented code calls.

  static final String HOOKS = "io/hbtrace/agent/bridge/Hooks";

  static final String MONITOR_HOOKS = "io/hbtrace/agent/bridge/MonitorHooks";

  static final String LOCK_HOOKS = "io/hbtrace/agent/bridge/LockHooks";

  static final String THREAD_HOOKS = "io/hbtrace/agent/bridge/ThreadHooks";

  static final String EXECUTOR_HOOKS = "io/hbtrace/agent/bridge/ExecutorHooks";

  static final String COLLECTION_HOOKS = "io/hbtrace/agent/bridge/CollectionHooks";

  static final String BULK_COLLECTION_HOOKS = "io/hbtrace/agent/bridge/BulkCollectionHooks";

  static final String STAGE_HOOKS = "io/hbtrace/agent/bridge/StageHooks";

  static final String BOTH_STAGE_HOOKS = "io/hbtrace/agent/bridge/BothStageHooks";

  static final String HANDOFF_HOOKS = "io/hbtrace/agent/bridge/HandoffHooks";

  static final String FORK_JOIN_HOOKS = "io/hbtrace/agent/bridge/ForkJoinHooks";

  static final String PERMIT_HOOKS = "io/hbtrace/agent/bridge/PermitHooks";

  static final String STAMPED_LOCK_HOOKS = "io/hbtrace/agent/bridge/StampedLockHooks";

  static final String STAMP_CONVERSION_HOOKS = "io/hbtrace/agent/bridge/StampConversionHooks";

  static final String FIELD_HOOKS = "io/hbtrace/agent/bridge/FieldHooks";

  static final String ATOMIC_HOOKS = "io/hbtrace/agent/bridge/AtomicHooks";

  static final String ATOMIC_UPDATE_HOOKS = "io/hbtrace/agent/bridge/AtomicUpdateHooks";

  /**
   * One rewritten method: calls of {@code name+desc} on {@code type} (or subtypes). {@code erased}:
   * the hook takes the receiver as an {@code Object} (a type newer than the Java the hooks are
   * built for, such as Java 21's {@code Thread.Builder}). {@code widened}: null, or a supertype of
   * {@code type} that the hook takes the receiver as and returns, the call's own return type cast
   * back after it (one hook for {@code CompletionStage.thenApply} and {@code
   * CompletableFuture.thenApply}).
   */
  record Rule(
      String type,
      boolean subtypes,
      boolean isStatic,
      String name,
      String desc,
      String hookOwner,
      String hookName,
      boolean erased,
      String widened) {

    /**
     * The hook's descriptor: the receiver (if any), the call's arguments, then the site; for a
     * constructor, its last argument and the site, returning what the constructor is given instead.
     */
    String hookDesc() {
      if (isConstructor()) {
        Type[] args = Type.getArgumentTypes(desc);
        String last = args[args.length - 1].getDescriptor();
        return "(" + last + "I)" + last;
      }
      int close = desc.indexOf(')');
      String returns = widened == null ? desc.substring(close + 1) : "L" + widened + ";";
      return "(" + receiverDesc() + desc.substring(1, close) + "I)" + returns;
    }

    /** The descriptor of the receiver the hook takes; empty for a static method. */
    String receiverDesc() {
      if (isStatic) {
        return "";
      }
      return erased ? "Ljava/lang/Object;" : "L" + (widened == null ? type : widened) + ";";
    }

    /** A constructor's rule: its hook stands in for the constructor's last argument. */
    boolean isConstructor() {
      return name.equals("<init>");
    }

    /** The internal name the hook's result is cast back to, or null if it needs no cast. */
    String castBack() {
      if (widened == null) {
        return null;
      }
      String returns = Type.getReturnType(desc).getInternalName();
      return returns.equals(widened) ? null : returns;
    }
  }

  /**
   * Collects rules; concerns add theirs, then {@link #visitor} applies them. A concern first picks
   * the facade its hooks are in ({@link #in}); the rules it then adds name that class.
   */
  static final class Rules {
    private final List<Rule> rules;

    /** The internal name of the class the hooks of the rules added here are in; null: none yet. */
    private final String facade;

    Rules() {
      this(new ArrayList<>(), null);
    }

    private Rules(List<Rule> rules, String facade) {
      this.rules = rules;
      this.facade = facade;
    }

    /** These rules (adding to the same list), with their hooks in {@code facade}. */
    Rules in(String facade) {
      return new Rules(rules, facade);
    }

    Rules instance(String type, String name, String desc, String hookName) {
      rules.add(new Rule(type, true, false, name, desc, facade(), hookName, false, null));
      return this;
    }

    /**
     * An instance rule whose hook takes the receiver as, and returns, {@code supertype} ({@link
     * Rule}); {@code desc} returns {@code type}, or one of its supertypes.
     */
    Rules widened(String type, String name, String desc, String hookName, String supertype) {
      rules.add(new Rule(type, true, false, name, desc, facade(), hookName, false, supertype));
      return this;
    }

    /** An instance rule whose hook takes the receiver as an {@code Object} ({@link Rule}). */
    Rules erased(String type, String name, String desc, String hookName) {
      rules.add(new Rule(type, true, false, name, desc, facade(), hookName, true, null));
      return this;
    }

    /**
     * Exact rules, one per type, whose hook takes the receiver as an {@code Object}: for a method
     * newer than the Java the hooks are built for, on JDK types only.
     */
    Rules exactErased(String[] types, String name, String desc, String hookName) {
      for (String type : types) {
        rules.add(new Rule(type, false, false, name, desc, facade(), hookName, true, null));
      }
      return this;
    }

    /**
     * The constructor {@code desc} of {@code type} (a {@code new} or a subclass's {@code super}
     * call): its last argument is given to the hook, which returns what the constructor gets
     * instead (a barrier's action, wrapped).
     */
    Rules constructorArgument(String type, String desc, String hookName) {
      rules.add(new Rule(type, false, false, "<init>", desc, facade(), hookName, false, null));
      return this;
    }

    Rules exact(String type, String name, String desc, String hookName) {
      rules.add(new Rule(type, false, false, name, desc, facade(), hookName, false, null));
      return this;
    }

    /**
     * A static method also called through a subtype's name (javac names the calling subclass when a
     * task calls {@code invokeAll(a, b)} unqualified).
     */
    Rules inheritedStatik(String type, String name, String desc, String hookName) {
      rules.add(new Rule(type, true, true, name, desc, facade(), hookName, false, null));
      return this;
    }

    Rules statik(String type, String name, String desc, String hookName) {
      rules.add(new Rule(type, false, true, name, desc, facade(), hookName, false, null));
      return this;
    }

    private String facade() {
      if (facade == null) {
        throw new IllegalStateException("no hook facade chosen (Rules.in)");
      }
      return facade;
    }

    boolean isEmpty() {
      return rules.isEmpty();
    }

    List<Rule> list() {
      return rules;
    }
  }

  private CallRedirect() {}

  static MethodVisitor visitor(MethodVisitor mv, MethodContext ctx, Rules rules) {
    return new Visitor(mv, ctx, rules.list());
  }

  /** Tracks the current source line; subclasses use {@link #site()}. */
  abstract static class LineTracking extends MethodVisitor {
    final MethodContext ctx;
    private int line;

    LineTracking(MethodVisitor mv, MethodContext ctx) {
      super(Opcodes.ASM9, mv);
      this.ctx = ctx;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
      this.line = line;
      super.visitLineNumber(line, start);
    }

    int site() {
      return ctx.site(line);
    }

    /** The site of a method reference to {@code method} made here (see MethodContext). */
    int referenceSite(String method) {
      return ctx.referenceSite(line, method);
    }

    /** Pushes {@code v} past this visitor's own overrides, straight to the next visitor. */
    void pushInt(int v) {
      CallRedirect.pushInt(mv, v);
    }
  }

  /** Emits the shortest instruction that pushes the int constant {@code v}. */
  static void pushInt(MethodVisitor mv, int v) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(Opcodes.ICONST_0 + v);
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(Opcodes.BIPUSH, v);
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(Opcodes.SIPUSH, v);
    } else {
      mv.visitLdcInsn(v);
    }
  }

  /** {@code LambdaMetafactory.FLAG_SERIALIZABLE}. */
  private static final int FLAG_SERIALIZABLE = 1;

  private static final class Visitor extends LineTracking {
    private final List<Rule> rules;

    Visitor(MethodVisitor mv, MethodContext ctx, List<Rule> rules) {
      super(mv, ctx);
      this.rules = rules;
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String desc, boolean isInterface) {
      Rule r = match(opcode, owner, name, desc);
      if (r == null) {
        super.visitMethodInsn(opcode, owner, name, desc, isInterface);
        return;
      }
      pushInt(site());
      super.visitMethodInsn(Opcodes.INVOKESTATIC, r.hookOwner(), r.hookName(), r.hookDesc(), false);
      if (r.isConstructor()) {
        super.visitMethodInsn(opcode, owner, name, desc, isInterface);
        return;
      }
      String cast = r.castBack();
      if (cast != null) {
        super.visitTypeInsn(Opcodes.CHECKCAST, cast);
      }
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap, Object... args) {
      Handle impl = referenced(bootstrap, args);
      Rule r = impl == null ? null : rule(impl);
      if (r != null && ctx.bridges != null) {
        Object[] redirected = args.clone();
        redirected[1] = ctx.bridges.bridge(r, impl, desc, referenceSite(r.name()));
        super.visitInvokeDynamicInsn(name, desc, bootstrap, redirected);
      } else if (r != null && boundWithoutArguments(desc, impl, r)) {
        Object[] redirected = args.clone();
        redirected[1] =
            new Handle(Opcodes.H_INVOKESTATIC, r.hookOwner(), r.hookName(), r.hookDesc(), false);
        pushInt(referenceSite(r.name()));
        // the metafactory wants captured values typed exactly as the hook's parameters
        super.visitInvokeDynamicInsn(
            name,
            "(" + r.receiverDesc() + "I" + desc.substring(desc.indexOf(')')),
            bootstrap,
            redirected);
      } else {
        super.visitInvokeDynamicInsn(name, desc, bootstrap, args);
      }
    }

    /**
     * The method a {@code LambdaMetafactory} call site ({@code metafactory}, or {@code
     * altMetafactory} for a reference that is not serializable) makes a reference to; null for any
     * other call site.
     */
    private static Handle referenced(Handle bootstrap, Object[] args) {
      if (!bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")
          || !(bootstrap.getName().equals("metafactory")
              || (bootstrap.getName().equals("altMetafactory") && !serializable(args)))
          || args.length < 3
          || !(args[1] instanceof Handle impl)) {
        return null;
      }
      return impl;
    }

    /** The rule of a referenced method; null if it is not hooked. */
    private Rule rule(Handle impl) {
      int opcode =
          switch (impl.getTag()) {
            case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
            case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
            case Opcodes.H_INVOKESTATIC -> Opcodes.INVOKESTATIC;
            default -> -1;
          };
      return opcode < 0 ? null : match(opcode, impl.getOwner(), impl.getName(), impl.getDesc());
    }

    /**
     * Whether a reference made where no method can be added ({@link MethodContext#bridges}) can
     * call the hook itself: it is bound to its receiver (the one value the call site captures) and
     * takes no arguments, so the site can be captured after it; and the hook's result needs no
     * cast.
     */
    private static boolean boundWithoutArguments(String desc, Handle impl, Rule r) {
      Type[] captured = Type.getArgumentTypes(desc);
      int receiver = impl.getTag() == Opcodes.H_INVOKESTATIC ? 0 : 1;
      return impl.getDesc().startsWith("()")
          && captured.length == receiver
          && (receiver == 0 || captured[0].getSort() == Type.OBJECT)
          && r.widened() == null;
    }

    /**
     * Whether an {@code altMetafactory} call site makes a serializable lambda, whose
     * deserialization checks that it calls the method it was made with: such a reference is left as
     * it is.
     */
    private static boolean serializable(Object[] args) {
      return args.length < 4
          || !(args[3] instanceof Integer flags)
          || (flags & FLAG_SERIALIZABLE) != 0;
    }

    private Rule match(int opcode, String owner, String name, String desc) {
      boolean isStatic = opcode == Opcodes.INVOKESTATIC;
      if (opcode == Opcodes.INVOKESPECIAL && !name.equals("<init>")) {
        return null; // super calls stay as they are; constructors only by a constructor's rule
      }
      for (Rule r : rules) {
        if (r.isStatic() != isStatic || !r.name().equals(name) || !r.desc().equals(desc)) {
          continue;
        }
        if (owner.equals(r.type()) || (r.subtypes() && ctx.isSubtype(owner, r.type()))) {
          return r;
        }
      }
      return null;
    }
  }
}
