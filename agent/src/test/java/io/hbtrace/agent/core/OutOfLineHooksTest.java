package io.hbtrace.agent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import org.junit.jupiter.api.Test;

class OutOfLineHooksTest {
  private static final String BRIDGE = "io/hbtrace/agent/bridge/";
  private static final ClassLoader TEST_LOADER = OutOfLineHooksTest.class.getClassLoader();

  @Test
  void everyPublicHookOfEveryFacadeIsMarkedAndNothingElse() throws Exception {
    for (String facade : facades()) {
      Map<String, Boolean> marked = markedMethods(OutOfLineHooks.mark(bytes(TEST_LOADER, facade)));
      for (Method m : Class.forName(facade).getDeclaredMethods()) {
        String key = m.getName() + Type.getMethodDescriptor(m);
        assertThat(marked.get(key))
            .as(facade + "." + key)
            .isEqualTo(Modifier.isPublic(m.getModifiers()));
      }
      assertThat(marked.values()).as(facade).contains(true, false);
    }
  }

  /** The facades are exactly the bridge classes the instrumentation names as hook owners. */
  @Test
  void everyBridgeClassTheInstrumentationCallsIsAFacade() throws Exception {
    Set<String> called = new TreeSet<>();
    for (Path c : instrumentationClasses()) {
      called.addAll(bridgeClassesNamed(Files.readAllBytes(c)));
    }
    assertThat(called).isEqualTo(facades());
  }

  @Test
  void theMarkedClassesStillLoadAndLink() throws Exception {
    ClassLoader loader =
        new ClassLoader(TEST_LOADER) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.hbtrace.agent.bridge.")) {
              return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
              Class<?> c = findLoadedClass(name);
              if (c == null) {
                byte[] b = bytes(TEST_LOADER, name);
                if (OutOfLineHooks.isFacade(name)) {
                  b = OutOfLineHooks.mark(b);
                }
                c = defineClass(name, b, 0, b.length);
              }
              return c;
            }
          }
        };
    for (String facade : facades()) {
      Class<?> c = Class.forName(facade, true, loader);
      assertThat(c.getClassLoader()).as(facade).isSameAs(loader);
    }
    Class<?> hooks = Class.forName("io.hbtrace.agent.bridge.Hooks", true, loader);
    assertThat(hooks.getMethod("installed").invoke(null)).isEqualTo(false);
  }

  /** The bridge classes (binary names) that {@link OutOfLineHooks#isFacade} picks. */
  private static Set<String> facades() throws Exception {
    Set<String> out = new TreeSet<>();
    for (Path c : classesBeside("io/hbtrace/agent/bridge/Hooks.class")) {
      String name = BRIDGE.replace('/', '.') + c.getFileName().toString().replace(".class", "");
      if (OutOfLineHooks.isFacade(name)) {
        out.add(name);
      }
    }
    assertThat(out)
        .contains("io.hbtrace.agent.bridge.Hooks", "io.hbtrace.agent.bridge.AtomicHooks");
    return out;
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

  /** The class files of package {@code io.hbtrace.agent.instrument}, nested classes included. */
  private static List<Path> instrumentationClasses() throws Exception {
    List<Path> out = classesBeside("io/hbtrace/agent/instrument/Instrumenter.class");
    assertThat(out).hasSizeGreaterThan(10);
    return out;
  }

  /** The class files in the directory of the class file {@code resource}. */
  private static List<Path> classesBeside(String resource) throws Exception {
    Path dir = Path.of(TEST_LOADER.getResource(resource).toURI()).getParent();
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".class")).toList();
    }
  }

  /**
   * The bridge classes (binary names) a class file calls methods of or names in a string constant
   * (the internal names that generated calls are emitted with).
   */
  private static Set<String> bridgeClassesNamed(byte[] bytes) {
    Set<String> out = new TreeSet<>();
    new ClassReader(bytes)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public FieldVisitor visitField(
                  int access, String name, String desc, String signature, Object value) {
                add(value);
                return null;
              }

              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String desc, String signature, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitLdcInsn(Object value) {
                    add(value);
                  }

                  @Override
                  public void visitMethodInsn(
                      int opcode, String owner, String name, String desc, boolean isInterface) {
                    add(owner);
                  }
                };
              }

              private void add(Object value) {
                if (value instanceof String s && s.startsWith(BRIDGE)) {
                  out.add(s.replace('/', '.'));
                }
              }
            },
            0);
    return out;
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
