package io.hbtrace.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.bridge.Hooks;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

class OutOfLineHooksTest {
  @Test
  void everyPublicHookIsMarkedAndNothingElse() throws Exception {
    Map<String, Boolean> marked = markedMethods(OutOfLineHooks.mark(hooksBytes()));
    for (Method m : Hooks.class.getDeclaredMethods()) {
      String key = m.getName() + Type.getMethodDescriptor(m);
      assertThat(marked.get(key)).as(key).isEqualTo(Modifier.isPublic(m.getModifiers()));
    }
    assertThat(marked.values()).contains(true, false);
  }

  @Test
  void theMarkedClassStillLoadsAndLinks() throws Exception {
    ClassLoader testLoader = OutOfLineHooksTest.class.getClassLoader();
    ClassLoader loader =
        new ClassLoader(testLoader) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.hbtrace.agent.bridge.")) {
              return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
              Class<?> c = findLoadedClass(name);
              if (c == null) {
                byte[] b = bytes(testLoader, name);
                if (name.equals(OutOfLineHooks.FACADE)) {
                  b = OutOfLineHooks.mark(b);
                }
                c = defineClass(name, b, 0, b.length);
              }
              return c;
            }
          }
        };
    Class<?> c = Class.forName(OutOfLineHooks.FACADE, true, loader);
    assertThat(c.getClassLoader()).isSameAs(loader);
    assertThat(c.getMethod("installed").invoke(null)).isEqualTo(false);
  }

  private static byte[] bytes(ClassLoader from, String name) throws ClassNotFoundException {
    try (InputStream in = from.getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }

  private static byte[] hooksBytes() throws Exception {
    try (InputStream in = Hooks.class.getResourceAsStream("Hooks.class")) {
      return in.readAllBytes();
    }
  }

  /** Method name + descriptor → whether it carries DontInline. */
  private static Map<String, Boolean> markedMethods(byte[] bytes) {
    Map<String, Boolean> out = new HashMap<>();
    new ClassReader(bytes)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String desc, String signature, String[] exceptions) {
                String key = name + desc;
                out.put(key, false);
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public AnnotationVisitor visitAnnotation(String type, boolean visible) {
                    if (type.equals("Ljdk/internal/vm/annotation/DontInline;") && visible) {
                      out.put(key, true);
                    }
                    return null;
                  }
                };
              }
            },
            0);
    return out;
  }
}
