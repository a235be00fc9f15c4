package io.hbtrace.agent.bridge;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stand-ins for calls on the atomics held in spec-named {@code atomic} fields (see {@code
 * SPEC.md}). Each performs the call once; it records a write before the operation (for
 * read-modify-write operations, the value it is about to store, computed from the value seen just
 * before, so exact only without contention) and, where the operation reads, a read after it with
 * the value it observed. A read-modify-write announces its write through {@code
 * FieldHooks.atomicUpdate}, so that a replay performs the update in the turn of its read; a plain
 * read of a number or a boolean returns what the hook gives back (in a replay, the value the
 * recorded run read). The recorder drops all of it for atomics not loaded from a named field. The
 * rules in {@link Hooks}' comment hold here too.
 */
public final class AtomicHooks {

  private AtomicHooks() {}

  public static long get(AtomicLong a, int site) {
    long v = a.get();
    return FieldHooks.atomicRead(a, v, site, true);
  }

  public static long getAcquire(AtomicLong a, int site) {
    long v = a.getAcquire();
    return FieldHooks.atomicRead(a, v, site, true);
  }

  public static void set(AtomicLong a, long v, int site) {
    FieldHooks.atomicWrite(a, v, site);
    a.set(v);
  }

  public static void lazySet(AtomicLong a, long v, int site) {
    FieldHooks.atomicWrite(a, v, site);
    a.lazySet(v);
  }

  public static void setRelease(AtomicLong a, long v, int site) {
    FieldHooks.atomicWrite(a, v, site);
    a.setRelease(v);
  }

  public static long getAndSet(AtomicLong a, long v, int site) {
    FieldHooks.atomicUpdate(a, v, site);
    long old = a.getAndSet(v);
    return FieldHooks.atomicRead(a, old, site, true);
  }

  public static boolean compareAndSet(AtomicLong a, long expect, long v, int site) {
    FieldHooks.atomicUpdate(a, v, site);
    boolean ok = a.compareAndSet(expect, v);
    FieldHooks.atomicRead(a, ok ? expect : a.get(), site, false);
    return ok;
  }

  public static long incrementAndGet(AtomicLong a, int site) {
    FieldHooks.atomicUpdate(a, a.get() + 1, site);
    long r = a.incrementAndGet();
    return FieldHooks.atomicRead(a, r - (1), site, true) + (1);
  }

  public static long decrementAndGet(AtomicLong a, int site) {
    FieldHooks.atomicUpdate(a, a.get() + -1, site);
    long r = a.decrementAndGet();
    return FieldHooks.atomicRead(a, r - (-1), site, true) + (-1);
  }

  public static long getAndIncrement(AtomicLong a, int site) {
    FieldHooks.atomicUpdate(a, a.get() + 1, site);
    long r = a.getAndIncrement();
    return FieldHooks.atomicRead(a, r, site, true);
  }

  public static long getAndDecrement(AtomicLong a, int site) {
    FieldHooks.atomicUpdate(a, a.get() + -1, site);
    long r = a.getAndDecrement();
    return FieldHooks.atomicRead(a, r, site, true);
  }

  public static long addAndGet(AtomicLong a, long delta, int site) {
    FieldHooks.atomicUpdate(a, a.get() + delta, site);
    long r = a.addAndGet(delta);
    return FieldHooks.atomicRead(a, r - delta, site, true) + delta;
  }

  public static long getAndAdd(AtomicLong a, long delta, int site) {
    FieldHooks.atomicUpdate(a, a.get() + delta, site);
    long r = a.getAndAdd(delta);
    return FieldHooks.atomicRead(a, r, site, true);
  }

  public static int get(AtomicInteger a, int site) {
    int v = a.get();
    return (int) FieldHooks.atomicRead(a, v, site, true);
  }

  public static int getAcquire(AtomicInteger a, int site) {
    int v = a.getAcquire();
    return (int) FieldHooks.atomicRead(a, v, site, true);
  }

  public static void set(AtomicInteger a, int v, int site) {
    FieldHooks.atomicWrite(a, v, site);
    a.set(v);
  }

  public static void lazySet(AtomicInteger a, int v, int site) {
    FieldHooks.atomicWrite(a, v, site);
    a.lazySet(v);
  }

  public static void setRelease(AtomicInteger a, int v, int site) {
    FieldHooks.atomicWrite(a, v, site);
    a.setRelease(v);
  }

  public static int getAndSet(AtomicInteger a, int v, int site) {
    FieldHooks.atomicUpdate(a, v, site);
    int old = a.getAndSet(v);
    return (int) FieldHooks.atomicRead(a, old, site, true);
  }

  public static boolean compareAndSet(AtomicInteger a, int expect, int v, int site) {
    FieldHooks.atomicUpdate(a, v, site);
    boolean ok = a.compareAndSet(expect, v);
    FieldHooks.atomicRead(a, ok ? expect : a.get(), site, false);
    return ok;
  }

  public static int incrementAndGet(AtomicInteger a, int site) {
    FieldHooks.atomicUpdate(a, a.get() + 1, site);
    int r = a.incrementAndGet();
    return (int) (FieldHooks.atomicRead(a, r - (1), site, true) + (1));
  }

  public static int decrementAndGet(AtomicInteger a, int site) {
    FieldHooks.atomicUpdate(a, a.get() + -1, site);
    int r = a.decrementAndGet();
    return (int) (FieldHooks.atomicRead(a, r - (-1), site, true) + (-1));
  }

  public static int getAndIncrement(AtomicInteger a, int site) {
    FieldHooks.atomicUpdate(a, a.get() + 1, site);
    int r = a.getAndIncrement();
    return (int) FieldHooks.atomicRead(a, r, site, true);
  }

  public static int getAndDecrement(AtomicInteger a, int site) {
    FieldHooks.atomicUpdate(a, a.get() + -1, site);
    int r = a.getAndDecrement();
    return (int) FieldHooks.atomicRead(a, r, site, true);
  }

  public static int addAndGet(AtomicInteger a, int delta, int site) {
    FieldHooks.atomicUpdate(a, a.get() + delta, site);
    int r = a.addAndGet(delta);
    return (int) (FieldHooks.atomicRead(a, r - delta, site, true) + delta);
  }

  public static int getAndAdd(AtomicInteger a, int delta, int site) {
    FieldHooks.atomicUpdate(a, a.get() + delta, site);
    int r = a.getAndAdd(delta);
    return (int) FieldHooks.atomicRead(a, r, site, true);
  }

  public static boolean get(AtomicBoolean a, int site) {
    boolean v = a.get();
    return FieldHooks.atomicRead(a, v ? 1L : 0L, site, true) != 0;
  }

  public static void set(AtomicBoolean a, boolean v, int site) {
    FieldHooks.atomicWrite(a, (v ? 1L : 0L), site);
    a.set(v);
  }

  public static void lazySet(AtomicBoolean a, boolean v, int site) {
    FieldHooks.atomicWrite(a, (v ? 1L : 0L), site);
    a.lazySet(v);
  }

  public static boolean getAndSet(AtomicBoolean a, boolean v, int site) {
    FieldHooks.atomicUpdate(a, (v ? 1L : 0L), site);
    boolean old = a.getAndSet(v);
    return FieldHooks.atomicRead(a, (old ? 1L : 0L), site, true) != 0;
  }

  public static boolean compareAndSet(AtomicBoolean a, boolean expect, boolean v, int site) {
    FieldHooks.atomicUpdate(a, (v ? 1L : 0L), site);
    boolean ok = a.compareAndSet(expect, v);
    boolean seen = ok ? expect : a.get();
    FieldHooks.atomicRead(a, (seen ? 1L : 0L), site, false);
    return ok;
  }

  public static Object get(AtomicReference<Object> a, int site) {
    Object v = a.get();
    FieldHooks.atomicRead(a, FieldHooks.identity(v), site, false);
    return v;
  }

  public static void set(AtomicReference<Object> a, Object v, int site) {
    FieldHooks.atomicWrite(a, FieldHooks.identity(v), site);
    a.set(v);
  }

  public static void lazySet(AtomicReference<Object> a, Object v, int site) {
    FieldHooks.atomicWrite(a, FieldHooks.identity(v), site);
    a.lazySet(v);
  }

  public static Object getAndSet(AtomicReference<Object> a, Object v, int site) {
    FieldHooks.atomicUpdate(a, FieldHooks.identity(v), site);
    Object old = a.getAndSet(v);
    FieldHooks.atomicRead(a, FieldHooks.identity(old), site, false);
    return old;
  }

  public static boolean compareAndSet(
      AtomicReference<Object> a, Object expect, Object v, int site) {
    FieldHooks.atomicUpdate(a, FieldHooks.identity(v), site);
    boolean ok = a.compareAndSet(expect, v);
    Object seen = ok ? expect : a.get();
    FieldHooks.atomicRead(a, FieldHooks.identity(seen), site, false);
    return ok;
  }
}
