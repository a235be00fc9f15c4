package io.hbtrace.agent.core;

import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Marks the public methods of the hook facades {@code DontInline} before they are defined in the
 * boot loader (HotSpot honours that annotation on boot classes only). An instrumented method then
 * compiles to a plain call per hook instead of a copy of the hook's body: the JIT compiles far less
 * code for the program, which on a busy machine is time taken from the program itself, for a call
 * that costs a few nanoseconds next to the recording behind it.
 *
 * <p>The facades are the bridge classes named {@code *Hooks}: {@code Hooks}, the classes beside it
 * that hold the hooks of one concern each, and {@code AtomicHooks}, whose stand-ins for calls on
 * atomics are hooks like the others (left inlinable, each would copy the guarded bodies of the read
 * and update hooks it calls into every instrumented caller). The instrumentation names the same
 * classes as its hook owners; {@code OutOfLineHooksTest} holds the two to each other.
 */
final class OutOfLineHooks {
  private static final String BRIDGE = "io.hbtrace.agent.bridge.";

  private static final String DONT_INLINE = "Ljdk/internal/vm/annotation/DontInline;";

  private OutOfLineHooks() {}

  /** Whether the bridge class {@code className} (a binary name) is a facade, to be marked. */
  static boolean isFacade(String className) {
    return className.startsWith(BRIDGE) && className.endsWith("Hooks");
  }

  /** The class file {@code bytes} with every public method marked {@code DontInline}. */
  static byte[] mark(byte[] bytes) {
    ClassReader reader = new ClassReader(bytes);
    ClassWriter writer = new ClassWriter(0); // not from the reader: that copies methods unchanged
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, writer) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
            if ((access & Opcodes.ACC_PUBLIC) != 0 && !name.startsWith("<")) {
              mv.visitAnnotation(DONT_INLINE, true).visitEnd();
            }
            return mv;
          }
        },
        0);
    return writer.toByteArray();
  }
}
