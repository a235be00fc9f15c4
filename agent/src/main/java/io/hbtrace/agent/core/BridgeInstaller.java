package io.hbtrace.agent.core;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the bridge classes directly in the bootstrap class loader. Appending the bridge jar to
 * the bootstrap search path would do too, but then HotSpot turns class-data sharing off for every
 * non-boot class and prints a warning on the program's stderr; a program recorded must not look
 * different. Uses {@code jdk.internal.misc.Unsafe.defineClass}, exported to this class's module
 * only. The entry point falls back to appending the jar when this returns false. The hook facades
 * among the classes are marked out of line first (see {@link OutOfLineHooks}).
 *
 * <p>Deliberately references no bridge class: it runs before they exist.
 */
public final class BridgeInstaller {
  private BridgeInstaller() {}

  /** Defines every class of {@code bridgeJar} in the boot loader; false if that is not possible. */
  public static boolean defineInBootLoader(Instrumentation inst, Path bridgeJar) {
    try {
      inst.redefineModule(
          Object.class.getModule(),
          Set.of(),
          Map.of("jdk.internal.misc", Set.of(BridgeInstaller.class.getModule())),
          Map.of(),
          Set.of(),
          Map.of());
      Class<?> type = Class.forName("jdk.internal.misc.Unsafe");
      Object unsafe = type.getMethod("getUnsafe").invoke(null);
      Method define =
          type.getMethod(
              "defineClass",
              String.class,
              byte[].class,
              int.class,
              int.class,
              ClassLoader.class,
              ProtectionDomain.class);
      Map<String, byte[]> pending = classes(bridgeJar);
      // a class whose supertypes are not defined yet fails; define the rest and come back to it
      boolean progress = true;
      while (!pending.isEmpty() && progress) {
        progress = false;
        for (Iterator<Map.Entry<String, byte[]>> it = pending.entrySet().iterator();
            it.hasNext(); ) {
          Map.Entry<String, byte[]> e = it.next();
          try {
            byte[] b = e.getValue();
            if (OutOfLineHooks.isFacade(e.getKey())) {
              b = OutOfLineHooks.mark(b);
            }
            define.invoke(unsafe, e.getKey(), b, 0, b.length, null, null);
            it.remove();
            progress = true;
          } catch (InvocationTargetException x) {
            if (!(x.getCause() instanceof NoClassDefFoundError)) {
              return false;
            }
          }
        }
      }
      return pending.isEmpty();
    } catch (Exception | LinkageError e) {
      return false;
    }
  }

  private static Map<String, byte[]> classes(Path jar) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (JarFile j = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> en = j.entries(); en.hasMoreElements(); ) {
        JarEntry e = en.nextElement();
        String n = e.getName();
        if (n.endsWith(".class") && !n.endsWith("module-info.class")) {
          try (InputStream in = j.getInputStream(e)) {
            out.put(n.substring(0, n.length() - 6).replace('/', '.'), in.readAllBytes());
          }
        }
      }
    }
    return out;
  }
}
