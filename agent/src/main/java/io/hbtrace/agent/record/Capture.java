package io.hbtrace.agent.record;

import io.hbtrace.agent.spec.Expr;
import java.lang.reflect.Field;

/**
 * A capture expression ready to evaluate: field hops resolve reflectively against the runtime class
 * (cached per hop for the last class seen). A null anywhere along the chain gives 0; a field that
 * does not exist or cannot be read gives 0 and is reported once through {@link Problems}.
 */
final class Capture {
  private final Expr expr;
  private final Hop[] hops;
  private final long constant;

  /** Index into the enter state for an {@code @enter} expression evaluated at exit, else -1. */
  final int enterSlot;

  Capture(Expr expr, long constant, int enterSlot) {
    this.expr = expr;
    this.constant = constant;
    this.enterSlot = enterSlot;
    hops = new Hop[expr.hops().size()];
    for (int i = 0; i < hops.length; i++) {
      hops[i] = new Hop(expr.hops().get(i));
    }
  }

  Expr expr() {
    return expr;
  }

  /** The value now; {@code state} is the enter state (null when evaluating at entry). */
  long eval(Recorder r, Object self, Object[] args, Object ret, Throwable thrown, long[] state) {
    switch (expr.base()) {
      case LITERAL:
      case TEXT:
        return constant;
      case THROWN:
        return thrown != null ? 1 : 0;
      default:
        break;
    }
    if (state != null && enterSlot >= 0) {
      return state[enterSlot];
    }
    Object v;
    switch (expr.base()) {
      case THIS:
        v = self;
        break;
      case ARG:
        v = args != null && expr.arg() < args.length ? args[expr.arg()] : null;
        break;
      default:
        v = ret;
        break;
    }
    for (Hop h : hops) {
      if (v == null) {
        return 0;
      }
      v = h.get(r, v, this);
    }
    return r.toLong(v);
  }

  /** One field hop, with the field resolved for the last class seen. */
  private static final class Hop {
    private final String name;
    private volatile Resolved last;

    Hop(String name) {
      this.name = name;
    }

    Object get(Recorder r, Object o, Capture owner) {
      Class<?> c = o.getClass();
      Resolved res = last;
      if (res == null || res.type != c) {
        res = new Resolved(c, find(c));
        last = res;
        if (res.field == null) {
          r.problems()
              .once(
                  "capture '"
                      + owner.expr
                      + "': no readable field '"
                      + name
                      + "' in "
                      + c.getName());
        }
      }
      if (res.field == null) {
        return null;
      }
      try {
        return res.field.get(o);
      } catch (IllegalAccessException | RuntimeException e) {
        return null;
      }
    }

    private Field find(Class<?> c) {
      for (Class<?> k = c; k != null; k = k.getSuperclass()) {
        try {
          Field f = k.getDeclaredField(name);
          f.setAccessible(true);
          return f;
        } catch (NoSuchFieldException e) {
          // look further up
        } catch (RuntimeException e) {
          return null; // inaccessible (a named module that does not open the package)
        }
      }
      return null;
    }
  }

  private record Resolved(Class<?> type, Field field) {}
}
