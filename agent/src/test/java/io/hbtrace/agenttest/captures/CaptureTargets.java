package io.hbtrace.agenttest.captures;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Methods whose tracepoints exercise every kind of capture the agent generates code for (see {@code
 * TracepointCodegenTest}): field chains with nulls along them, each primitive type, enums and
 * boxes, {@code this} in static methods, constructors, {@code @enter}, exceptional exits, and the
 * reflective fallback for fields the traced class may not read or whose static type lacks them.
 */
public final class CaptureTargets {

  /** A value with an ordinal. */
  public enum Color {
    RED,
    GREEN,
    BLUE
  }

  /** A linked node with fields of every kind a capture converts. */
  public static final class Node {
    public Node next;
    public long value;
    public Color color;
    public Integer boxed;
    public double ratio;
    public boolean flag;
    public char letter;
    private long secret; // not readable from CaptureTargets: read reflectively

    Node(long value, long secret) {
      this.value = value;
      this.secret = secret;
    }
  }

  /** A declared type whose runtime subclass has a field it lacks. */
  public static class Base {
    public long inherited = 5;
  }

  /** The runtime subclass. */
  public static final class Derived extends Base {
    public long extra = 11;
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final long id;
  private volatile long size;

  public CaptureTargets(Node n) {
    this.id = n.value + 100;
  }

  public long chain(Node n) {
    return n == null ? -1 : n.value;
  }

  public void fail(Node n, boolean doThrow) {
    if (doThrow) {
      throw new IllegalStateException("thrown by the program");
    }
  }

  public static int statik(int x, long y, Object o) {
    return x;
  }

  public void update(long v) {
    size = v;
  }

  public void sub(Base b, long v) {}

  /** Runs every target once; returns what the program saw, which must not change when traced. */
  public static String run() {
    Node n1 = new Node(10, 77);
    n1.next = new Node(20, 0);
    n1.next.next = new Node(30, 0);
    n1.color = Color.BLUE;
    n1.boxed = 42;
    n1.ratio = 2.9;
    n1.flag = true;
    n1.letter = 'A';
    Node n2 = new Node(1, 0);
    CaptureTargets t = new CaptureTargets(n1);
    StringBuilder seen = new StringBuilder();
    seen.append(t.chain(n1)).append(',').append(t.chain(n2)).append(',').append(t.chain(null));
    t.fail(n1, false);
    try {
      t.fail(n2, true);
    } catch (IllegalStateException e) {
      seen.append(',').append(e.getMessage());
    }
    seen.append(',').append(statik(3, 4L, Integer.valueOf(9)));
    t.update(6);
    t.update(8);
    t.sub(new Derived(), 12);
    return seen.toString();
  }
}
