package io.hbtrace.agent.instrument;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Static methods added to a class as it is defined, one per method reference to a hooked method
 * made in it ({@code CompletableFuture::join} as a {@code Function}, {@code lock::unlockWrite} with
 * its stamp, {@code Thread::start}): the JDK calls a method reference from a class of its own,
 * which is not instrumented, so the reference is made to the added method instead, which calls the
 * hook with the reference's site. Such a method takes what the referenced method takes (its
 * receiver first) and returns what it returns, so the reference's shape is unchanged.
 *
 * <p>A class that is retransformed (by another agent, or by this one for a dynamic attach) cannot
 * gain or lose methods: a class loaded before the agent gets none; one that got them gets them
 * again, the same ones, when it is retransformed (the set of such classes is kept per loader).
 */
final class ReferenceBridges {
  private static final String PREFIX = "hbtrace$ref$";

  /** The classes given methods, by loader (weakly), for their retransformations. */
  private static final Map<ClassLoader, Set<String>> BRIDGED = new WeakHashMap<>();

  private final String owner;
  private final boolean isInterface;
  private final ClassLoader loader;
  private final Map<String, Added> added = new LinkedHashMap<>();

  private record Added(String name, String desc, CallRedirect.Rule rule, int site) {}

  private ReferenceBridges(String owner, boolean isInterface, ClassLoader loader) {
    this.owner = owner;
    this.isInterface = isInterface;
    this.loader = loader;
  }

  /**
   * The bridges of class {@code internalName}, or null if it cannot take methods: it is loaded
   * already and was not given any when it was defined.
   */
  static ReferenceBridges of(
      String internalName, boolean isInterface, ClassLoader loader, boolean defining) {
    if (!defining && !bridgedBefore(loader, internalName)) {
      return null;
    }
    return new ReferenceBridges(internalName, isInterface, loader);
  }

  private static boolean bridgedBefore(ClassLoader loader, String internalName) {
    synchronized (BRIDGED) {
      Set<String> names = BRIDGED.get(loader);
      return names != null && names.contains(internalName);
    }
  }

  /**
   * The method a reference to {@code impl} (matched by {@code rule}) made at {@code site} by a call
   * site of descriptor {@code callSite} is to call instead: added once per method, rule and site.
   * Its receiver is typed as the call site captures it, if it does (the metafactory wants a
   * captured value's type exactly: {@code executorService::execute} captures an {@code
   * ExecutorService} for {@code Executor.execute}), else as the method's class.
   */
  Handle bridge(CallRedirect.Rule rule, Handle impl, String callSite, int site) {
    String desc;
    if (impl.getTag() == Opcodes.H_INVOKESTATIC) {
      desc = impl.getDesc();
    } else {
      Type[] captured = Type.getArgumentTypes(callSite);
      String receiver =
          captured.length == 1 ? captured[0].getDescriptor() : "L" + impl.getOwner() + ";";
      desc = "(" + receiver + impl.getDesc().substring(1);
    }
    String key = rule.hookOwner() + '.' + rule.hookName() + desc + '@' + site;
    Added a = added.computeIfAbsent(key, k -> new Added(PREFIX + added.size(), desc, rule, site));
    return new Handle(Opcodes.H_INVOKESTATIC, owner, a.name, a.desc, isInterface);
  }

  /** Adds the methods to the class {@code cv} writes, and notes that it has them. */
  void emit(ClassVisitor cv) {
    if (added.isEmpty()) {
      return;
    }
    for (Added a : added.values()) {
      int access = Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC;
      MethodVisitor mv = cv.visitMethod(access, a.name, a.desc, null, null);
      mv.visitCode();
      int slot = 0;
      for (Type t : Type.getArgumentTypes(a.desc)) {
        mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
        slot += t.getSize();
      }
      CallRedirect.pushInt(mv, a.site);
      CallRedirect.Rule r = a.rule;
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, r.hookOwner(), r.hookName(), r.hookDesc(), false);
      String cast = r.castBack();
      if (cast != null) {
        mv.visitTypeInsn(Opcodes.CHECKCAST, cast);
      }
      mv.visitInsn(Type.getReturnType(a.desc).getOpcode(Opcodes.IRETURN));
      mv.visitMaxs(0, 0); // computed by the writer
      mv.visitEnd();
    }
    synchronized (BRIDGED) {
      BRIDGED.computeIfAbsent(loader, l -> new HashSet<>()).add(owner);
    }
  }
}
