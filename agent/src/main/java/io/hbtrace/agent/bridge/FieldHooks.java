package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.Hooks.enter;
import static io.hbtrace.agent.bridge.Hooks.fail;

import io.hbtrace.agent.bridge.Hooks.Guard;

/**
 * Hooks for spec-named fields: reads and writes of {@code volatile} fields, loads of {@code atomic}
 * fields, and the recording behind {@link AtomicHooks}' stand-ins for calls on those atomics. The
 * rules in {@link Hooks}' comment hold here too.
 */
public final class FieldHooks {

  private FieldHooks() {}

  // ---- spec-named volatile fields (the value stays on the operand stack; these only observe)

  private static void volatileWrite(int field, Object owner, long value, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.volatileWrite(field, owner, value, site);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  /** Records a primitive volatile read; returns the value the program is to use. */
  private static long volatileRead(int field, Object owner, long value, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return value;
    }
    try {
      return s.volatileRead(field, owner, value, site, true);
    } catch (Throwable t) {
      fail(s, t);
      return value;
    } finally {
      g.sink = null;
    }
  }

  private static void volatileRef(boolean write, int field, Object owner, Object value, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      long id = s.identity(value);
      if (write) {
        s.volatileWrite(field, owner, id, site);
      } else {
        s.volatileRead(field, owner, id, site, false);
      }
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  public static void putField(Object owner, int v, int field, int site) {
    volatileWrite(field, owner, v, site);
  }

  public static void putField(Object owner, long v, int field, int site) {
    volatileWrite(field, owner, v, site);
  }

  public static void putField(Object owner, float v, int field, int site) {
    volatileWrite(field, owner, Double.doubleToRawLongBits(v), site);
  }

  public static void putField(Object owner, double v, int field, int site) {
    volatileWrite(field, owner, Double.doubleToRawLongBits(v), site);
  }

  public static void putField(Object owner, Object v, int field, int site) {
    volatileRef(true, field, owner, v, site);
  }

  public static int getField(Object owner, int v, int field, int site) {
    return (int) volatileRead(field, owner, v, site);
  }

  public static long getField(Object owner, long v, int field, int site) {
    return volatileRead(field, owner, v, site);
  }

  public static float getField(Object owner, float v, int field, int site) {
    return (float)
        Double.longBitsToDouble(volatileRead(field, owner, Double.doubleToRawLongBits(v), site));
  }

  public static double getField(Object owner, double v, int field, int site) {
    return Double.longBitsToDouble(volatileRead(field, owner, Double.doubleToRawLongBits(v), site));
  }

  public static void getField(Object owner, Object v, int field, int site) {
    volatileRef(false, field, owner, v, site);
  }

  public static void putStatic(int v, int field, int site) {
    volatileWrite(field, null, v, site);
  }

  public static void putStatic(long v, int field, int site) {
    volatileWrite(field, null, v, site);
  }

  public static void putStatic(float v, int field, int site) {
    volatileWrite(field, null, Double.doubleToRawLongBits(v), site);
  }

  public static void putStatic(double v, int field, int site) {
    volatileWrite(field, null, Double.doubleToRawLongBits(v), site);
  }

  public static void putStatic(Object v, int field, int site) {
    volatileRef(true, field, null, v, site);
  }

  public static int getStatic(int v, int field, int site) {
    return (int) volatileRead(field, null, v, site);
  }

  public static long getStatic(long v, int field, int site) {
    return volatileRead(field, null, v, site);
  }

  public static float getStatic(float v, int field, int site) {
    return (float)
        Double.longBitsToDouble(volatileRead(field, null, Double.doubleToRawLongBits(v), site));
  }

  public static double getStatic(double v, int field, int site) {
    return Double.longBitsToDouble(volatileRead(field, null, Double.doubleToRawLongBits(v), site));
  }

  public static void getStatic(Object v, int field, int site) {
    volatileRef(false, field, null, v, site);
  }

  // ---- spec-named atomic fields: their loads, and the recording behind AtomicHooks --------------

  /** After GETFIELD/GETSTATIC of a spec-named atomic field; returns the atomic unchanged. */
  public static Object atomicLoaded(Object owner, Object atomic, int field) {
    if (atomic == null) {
      return null;
    }
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return atomic;
    }
    try {
      s.atomicLoaded(owner, atomic, field);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
    return atomic;
  }

  static void atomicWrite(Object atomic, long value, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.atomicWrite(atomic, value, site);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  static void atomicUpdate(Object atomic, long value, int site) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return;
    }
    try {
      s.atomicUpdate(atomic, value, site);
    } catch (Throwable t) {
      fail(s, t);
    } finally {
      g.sink = null;
    }
  }

  /**
   * Records a read of an atomic; when {@code given}, returns the value the program is to use (else
   * {@code value}).
   */
  static long atomicRead(Object atomic, long value, int site, boolean given) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return value;
    }
    try {
      return s.atomicRead(atomic, value, site, given);
    } catch (Throwable t) {
      fail(s, t);
      return value;
    } finally {
      g.sink = null;
    }
  }

  static long identity(Object value) {
    Guard g = enter();
    HookSink s = g == null ? null : g.sink;
    if (s == null) {
      return 0;
    }
    try {
      return s.identity(value);
    } catch (Throwable t) {
      fail(s, t);
      return 0;
    } finally {
      g.sink = null;
    }
  }
}
