package io.hbtrace.agent.instrument;

import java.util.Map;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * What a call-site visitor knows about the method it rewrites: the class, the method, the source
 * file (for sites) and a type pool to decide subtyping of call-site owners.
 */
final class MethodContext {
  final String className;
  final String methodName;
  final String sourceFile;
  final Sites sites;

  /** Where method references to hooked methods are bridged; null: the class cannot take any. */
  final ReferenceBridges bridges;

  private final TypePool pool;
  private final Map<String, Boolean> subtypeCache;

  /**
   * @param subtypeCache answers of {@link #isSubtype} for the class loader of the class being
   *     transformed, shared by all its classes: most call sites name the same few owners
   */
  MethodContext(
      String className,
      String methodName,
      String sourceFile,
      Sites sites,
      TypePool pool,
      Map<String, Boolean> subtypeCache,
      ReferenceBridges bridges) {
    this.className = className;
    this.methodName = methodName;
    this.sourceFile = sourceFile;
    this.sites = sites;
    this.pool = pool;
    this.subtypeCache = subtypeCache;
    this.bridges = bridges;
  }

  int site(int line) {
    return sites.site(className, methodName, sourceFile, line);
  }

  /**
   * The site of a method reference to {@code method} made at {@code line}: the method's name is
   * part of it ({@code run::tryLock}), so that two references made on one line (one to {@code
   * lock}, one to {@code tryLock}) have sites of their own, as two calls on two lines would.
   */
  int referenceSite(int line, String method) {
    return sites.site(className, methodName + "::" + method, sourceFile, line);
  }

  /** Whether internal name {@code owner} names {@code type} or a subtype; false if unresolvable. */
  boolean isSubtype(String owner, String type) {
    if (owner.equals(type) || type.equals("java/lang/Object")) {
      return true;
    }
    if (owner.startsWith("[")) {
      return false;
    }
    String key = owner + ' ' + type;
    Boolean known = subtypeCache.get(key);
    if (known == null) {
      known = resolve(owner, type);
      subtypeCache.put(key, known);
    }
    return known;
  }

  private boolean resolve(String owner, String type) {
    try {
      TypePool.Resolution r = pool.describe(owner.replace('/', '.'));
      if (!r.isResolved()) {
        return false;
      }
      TypeDescription t = r.resolve();
      String target = type.replace('/', '.');
      return isAssignable(t, target, 0);
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static boolean isAssignable(TypeDescription t, String target, int depth) {
    if (t == null || depth > 32) {
      return false;
    }
    if (t.getName().equals(target)) {
      return true;
    }
    for (TypeDescription.Generic i : t.getInterfaces()) {
      if (isAssignable(i.asErasure(), target, depth + 1)) {
        return true;
      }
    }
    TypeDescription.Generic s = t.getSuperClass();
    return s != null && isAssignable(s.asErasure(), target, depth + 1);
  }
}
