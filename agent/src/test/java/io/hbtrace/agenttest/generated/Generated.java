package io.hbtrace.agenttest.generated;

import java.util.function.LongUnaryOperator;

/**
 * Methods the compiler writes: a lambda body ({@code lambda$run$0}) and a bridge ({@code
 * Impl#put(Object)}, which calls {@code put(String)}).
 */
public final class Generated {
  private Generated() {}

  interface Box<T> {
    T put(T t);
  }

  static final class Impl implements Box<String> {
    @Override
    public String put(String s) {
      return s + "!";
    }
  }

  public static String run() {
    LongUnaryOperator times7 = x -> x * 7;
    Box<String> box = new Impl();
    return times7.applyAsLong(6) + box.put("x");
  }
}
