package io.hbtrace.agent.bridge;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Stand-ins for the atomics' updates by a function ({@code updateAndGet}, {@code getAndUpdate},
 * {@code accumulateAndGet}, {@code getAndAccumulate}) and their {@code compareAndExchange}, as
 * {@link AtomicHooks} records the others: a write before the update and a read after it of the
 * value it replaced. An update by a function is done here as the JDK does it, applying the function
 * to the value seen and storing the result if the value is still the same, else trying again; each
 * try records the write it attempts (so with contention, writes that lost too). The rules in {@link
 * Hooks}' comment hold here too.
 */
public final class AtomicUpdateHooks {

  private AtomicUpdateHooks() {}

  /** The value {@code a} held before an update by {@code f}; the update is done. */
  private static long update(AtomicLong a, LongUnaryOperator f, int site) {
    long prev = a.get();
    for (; ; ) {
      long next = f.applyAsLong(prev);
      FieldHooks.atomicUpdate(a, next, site);
      long witness = a.compareAndExchange(prev, next);
      if (witness == prev) {
        FieldHooks.atomicRead(a, prev, site, false);
        return prev;
      }
      prev = witness;
    }
  }

  public static long updateAndGet(AtomicLong a, LongUnaryOperator f, int site) {
    long[] next = new long[1];
    update(a, v -> next[0] = f.applyAsLong(v), site);
    return next[0];
  }

  public static long getAndUpdate(AtomicLong a, LongUnaryOperator f, int site) {
    return update(a, f, site);
  }

  public static long accumulateAndGet(AtomicLong a, long x, LongBinaryOperator f, int site) {
    return updateAndGet(a, v -> f.applyAsLong(v, x), site);
  }

  public static long getAndAccumulate(AtomicLong a, long x, LongBinaryOperator f, int site) {
    return update(a, v -> f.applyAsLong(v, x), site);
  }

  public static long compareAndExchange(AtomicLong a, long expect, long v, int site) {
    FieldHooks.atomicUpdate(a, v, site);
    long witness = a.compareAndExchange(expect, v);
    FieldHooks.atomicRead(a, witness, site, false);
    return witness;
  }

  private static int update(AtomicInteger a, IntUnaryOperator f, int site) {
    int prev = a.get();
    for (; ; ) {
      int next = f.applyAsInt(prev);
      FieldHooks.atomicUpdate(a, next, site);
      int witness = a.compareAndExchange(prev, next);
      if (witness == prev) {
        FieldHooks.atomicRead(a, prev, site, false);
        return prev;
      }
      prev = witness;
    }
  }

  public static int updateAndGet(AtomicInteger a, IntUnaryOperator f, int site) {
    int[] next = new int[1];
    update(a, v -> next[0] = f.applyAsInt(v), site);
    return next[0];
  }

  public static int getAndUpdate(AtomicInteger a, IntUnaryOperator f, int site) {
    return update(a, f, site);
  }

  public static int accumulateAndGet(AtomicInteger a, int x, IntBinaryOperator f, int site) {
    return updateAndGet(a, v -> f.applyAsInt(v, x), site);
  }

  public static int getAndAccumulate(AtomicInteger a, int x, IntBinaryOperator f, int site) {
    return update(a, v -> f.applyAsInt(v, x), site);
  }

  public static int compareAndExchange(AtomicInteger a, int expect, int v, int site) {
    FieldHooks.atomicUpdate(a, v, site);
    int witness = a.compareAndExchange(expect, v);
    FieldHooks.atomicRead(a, witness, site, false);
    return witness;
  }

  public static boolean compareAndExchange(AtomicBoolean a, boolean expect, boolean v, int site) {
    FieldHooks.atomicUpdate(a, v ? 1L : 0L, site);
    boolean witness = a.compareAndExchange(expect, v);
    FieldHooks.atomicRead(a, witness ? 1L : 0L, site, false);
    return witness;
  }

  private static Object update(AtomicReference<Object> a, UnaryOperator<Object> f, int site) {
    Object prev = a.get();
    for (; ; ) {
      Object next = f.apply(prev);
      FieldHooks.atomicUpdate(a, FieldHooks.identity(next), site);
      Object witness = a.compareAndExchange(prev, next);
      if (witness == prev) {
        FieldHooks.atomicRead(a, FieldHooks.identity(prev), site, false);
        return prev;
      }
      prev = witness;
    }
  }

  public static Object updateAndGet(AtomicReference<Object> a, UnaryOperator<Object> f, int site) {
    Object[] next = new Object[1];
    update(a, v -> next[0] = f.apply(v), site);
    return next[0];
  }

  public static Object getAndUpdate(AtomicReference<Object> a, UnaryOperator<Object> f, int site) {
    return update(a, f, site);
  }

  public static Object accumulateAndGet(
      AtomicReference<Object> a, Object x, BinaryOperator<Object> f, int site) {
    return updateAndGet(a, v -> f.apply(v, x), site);
  }

  public static Object getAndAccumulate(
      AtomicReference<Object> a, Object x, BinaryOperator<Object> f, int site) {
    return update(a, v -> f.apply(v, x), site);
  }

  public static Object compareAndExchange(
      AtomicReference<Object> a, Object expect, Object v, int site) {
    FieldHooks.atomicUpdate(a, FieldHooks.identity(v), site);
    Object witness = a.compareAndExchange(expect, v);
    FieldHooks.atomicRead(a, FieldHooks.identity(witness), site, false);
    return witness;
  }
}
