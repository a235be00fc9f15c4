package io.hbtrace.agent.instrument;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * What a quick read of a class file tells before it is transformed: its source file and the first
 * line of each method, for the sites of method-level events (Advice cannot see line numbers), and
 * which methods store into local 0 (an instance method's {@code this} until then).
 */
final class ClassScan {
  private static final ClassScan EMPTY = new ClassScan();

  private String sourceFile = "";
  private final Map<String, Integer> firstLines = new HashMap<>();
  private final Set<String> writeLocal0 = new HashSet<>();

  private ClassScan() {}

  static ClassScan of(byte[] classFile) {
    if (classFile == null) {
      return EMPTY;
    }
    ClassScan scan = new ClassScan();
    try {
      new ClassReader(classFile)
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visitSource(String source, String debug) {
                  if (source != null) {
                    scan.sourceFile = source;
                  }
                }

                @Override
                public MethodVisitor visitMethod(
                    int access, String name, String desc, String signature, String[] exceptions) {
                  String key = name + desc;
                  return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLineNumber(int line, Label start) {
                      scan.firstLines.putIfAbsent(key, line);
                    }

                    @Override
                    public void visitVarInsn(int opcode, int var) {
                      if (var == 0 && opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE) {
                        scan.writeLocal0.add(key);
                      }
                    }

                    @Override
                    public void visitIincInsn(int var, int increment) {
                      if (var == 0) {
                        scan.writeLocal0.add(key);
                      }
                    }
                  };
                }
              },
              ClassReader.SKIP_FRAMES);
    } catch (RuntimeException e) {
      return EMPTY;
    }
    return scan;
  }

  String sourceFile() {
    return sourceFile;
  }

  /**
   * Whether the method's code may store into local 0; true when the class file could not be read
   * (nothing is known of its code).
   */
  boolean writesLocal0(String name, String descriptor) {
    return this == EMPTY || writeLocal0.contains(name + descriptor);
  }

  /** The first line number in the method's code, or 0 if it has none. */
  int firstLine(String name, String descriptor) {
    Integer line = firstLines.get(name + descriptor);
    return line == null ? 0 : line;
  }
}
