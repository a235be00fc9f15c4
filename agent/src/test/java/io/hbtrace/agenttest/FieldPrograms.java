package io.hbtrace.agenttest;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Fields a spec names as volatile or atomic, of every shape the agent rewrites. */
public final class FieldPrograms {
  static volatile int generation;
  private volatile Object current;
  private volatile double ratio;
  private final AtomicLong size = new AtomicLong();
  private final AtomicReference<String> name = new AtomicReference<>("a");
  private final AtomicLong unnamed = new AtomicLong();

  private FieldPrograms() {}

  public static long run() {
    FieldPrograms p = new FieldPrograms();
    generation = 3; // PUTSTATIC
    int g = generation; // GETSTATIC
    p.current = "x"; // PUTFIELD, reference
    Object c = p.current; // GETFIELD, reference
    p.ratio = 0.5; // PUTFIELD, double
    double r = p.ratio; // GETFIELD, double
    p.size.set(10); // write 10
    p.size.addAndGet(5); // write 15, read 10
    long s = p.size.get(); // read 15
    p.name.compareAndSet("a", "b"); // write, read
    p.unnamed.incrementAndGet(); // not a named field: nothing
    return g + (c == null ? 0 : 1) + (long) (r * 10) + s + p.name.get().length() + p.unnamed.get();
  }

  /**
   * Updates by a function and compare-and-exchange on named atomics: {@code size} 1 -> 11 (update)
   * -> 33 (accumulate: 11 * 3) -> 34 (exchange), {@code name} "a" -> "ab"; returns 34 + 2.
   */
  public static long updates() {
    FieldPrograms p = new FieldPrograms();
    p.size.set(1);
    p.size.updateAndGet(v -> v + 10);
    p.size.getAndAccumulate(3, (v, x) -> v * x);
    p.size.compareAndExchange(33, 34);
    p.name.getAndUpdate(v -> v + "b");
    p.unnamed.updateAndGet(v -> v + 1); // not a named field: nothing
    return p.size.get() + p.name.get().length();
  }
}
