package io.hbtrace.agent.instrument;

import io.hbtrace.agent.testing.MemoryTraceOutput;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Classes written with ASM for shapes javac does not write (or not the Java 17 javac), run through
 * one of the agent's method visitors and defined in a loader of their own, so the JVM verifies
 * them.
 */
final class HandMadeClass {
  private HandMadeClass() {}

  /**
   * {@code original}'s methods, each through {@code visitor} (given the next visitor and the
   * method's context), with the frames expanded as the agent reads them.
   */
  static byte[] instrument(
      byte[] original, BiFunction<MethodVisitor, MethodContext, MethodVisitor> visitor) {
    ClassReader reader = new ClassReader(original);
    String className = reader.getClassName();
    ClassWriter out = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    Sites sites = new Sites(new MemoryTraceOutput());
    reader.accept(
        new ClassVisitor(Opcodes.ASM9, out) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String desc, String signature, String[] exceptions) {
            MethodVisitor v = super.visitMethod(access, name, desc, signature, exceptions);
            MethodContext ctx =
                new MethodContext(
                    className, name, "HandMade.java", sites, null, new HashMap<>(), null);
            return visitor.apply(v, ctx);
          }
        },
        ClassReader.EXPAND_FRAMES);
    return out.toByteArray();
  }

  /** Defines {@code bytes} in a fresh loader (verified when first used). */
  static Class<?> define(byte[] bytes) {
    String name = new ClassReader(bytes).getClassName().replace('/', '.');
    return new ClassLoader(HandMadeClass.class.getClassLoader()) {
      Class<?> define() {
        return defineClass(name, bytes, 0, bytes.length);
      }
    }.define();
  }

  /** Reads {@code bytes}, giving each method's code to the visitor {@code code} makes for it. */
  static void readCode(byte[] bytes, Function<String, MethodVisitor> code) {
    readCode(bytes, (name, desc) -> code.apply(name));
  }

  /**
   * As {@link #readCode(byte[], Function)}, the visitor made from the method's name and descriptor.
   */
  static void readCode(byte[] bytes, BiFunction<String, String, MethodVisitor> code) {
    new ClassReader(bytes)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String desc, String signature, String[] exceptions) {
                return code.apply(name, desc);
              }
            },
            0);
  }

  /** Method name → how many calls into {@code owner} its code makes. */
  static Map<String, Integer> hookCalls(byte[] bytes, String owner) {
    Map<String, Integer> out = new HashMap<>();
    readCode(
        bytes,
        name -> {
          out.putIfAbsent(name, 0);
          return new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(
                int opcode, String o, String n, String d, boolean isInterface) {
              if (o.equals(owner)) {
                out.merge(name, 1, Integer::sum);
              }
            }
          };
        });
    return out;
  }
}
