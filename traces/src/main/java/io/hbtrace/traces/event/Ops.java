package io.hbtrace.traces.event;

/** Values of the {@code op} field of {@link OpBegin} and {@link OpEnd}: workload operations. */
public final class Ops {
  public static final int WRITE = 1;
  public static final int READ = 2;
  public static final int FSYNC = 3;
  public static final int TRUNCATE = 4;
  public static final int FALLOCATE = 5;
  public static final int SETUP = 6;

  private Ops() {}

  public static String name(int op) {
    return switch (op) {
      case WRITE -> "write";
      case READ -> "read";
      case FSYNC -> "fsync";
      case TRUNCATE -> "truncate";
      case FALLOCATE -> "fallocate";
      case SETUP -> "setup";
      default -> "op" + op;
    };
  }
}
