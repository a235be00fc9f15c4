package io.hbtrace.agenttest.loaded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads {@link Worker} from the class files in {@code args[0]} through a loader that delegates only
 * {@code java.*} (as OSGi's does by default) and through one that delegates everything else to the
 * application's loader first, and runs each.
 */
public final class Loaders {
  private Loaders() {}

  /** Defines every class but {@code java.*} from the class files under {@code dir} itself. */
  private static final class JavaOnly extends ClassLoader {
    private final Path dir;

    JavaOnly(Path dir) {
      super(null);
      this.dir = dir;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c != null) {
          return c;
        }
        if (name.startsWith("java.")) {
          return Class.forName(name, false, null);
        }
        Path file = dir.resolve(name.replace('.', '/') + ".class");
        try {
          byte[] b = Files.readAllBytes(file);
          return defineClass(name, b, 0, b.length);
        } catch (IOException e) {
          throw new ClassNotFoundException(name, e);
        }
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String worker = Worker.class.getName();
    ((Runnable) new JavaOnly(dir).loadClass(worker).getDeclaredConstructor().newInstance()).run();
    ((Runnable) Class.forName(worker).getDeclaredConstructor().newInstance()).run();
  }
}
