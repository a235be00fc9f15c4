package io.hbtrace.agent.spec;

import java.util.List;

/**
 * A capture expression of a tracepoint field: a reference ({@code this}, {@code argN}, {@code
 * return}, {@code thrown}) followed by up to three field hops and optionally {@code @enter}, an
 * integer literal, or a string literal (recorded as its interned string id).
 */
public final class Expr {

  /** What an expression starts from. */
  public enum Base {
    THIS,
    ARG,
    RETURN,
    THROWN,
    LITERAL,
    TEXT
  }

  /** Largest number of field hops after the base. */
  public static final int MAX_HOPS = 3;

  private final Base base;
  private final int arg;
  private final List<String> hops;
  private final boolean atEnter;
  private final long literal;
  private final String text;
  private final String source;

  private Expr(
      Base base,
      int arg,
      List<String> hops,
      boolean atEnter,
      long literal,
      String text,
      String source) {
    this.base = base;
    this.arg = arg;
    this.hops = List.copyOf(hops);
    this.atEnter = atEnter;
    this.literal = literal;
    this.text = text;
    this.source = source;
  }

  static Expr ref(Base base, int arg, List<String> hops, boolean atEnter, String source) {
    return new Expr(base, arg, hops, atEnter, 0, null, source);
  }

  static Expr literal(long value, String source) {
    return new Expr(Base.LITERAL, 0, List.of(), false, value, null, source);
  }

  static Expr text(String value, String source) {
    return new Expr(Base.TEXT, 0, List.of(), false, 0, value, source);
  }

  public Base base() {
    return base;
  }

  /** The argument index, for {@link Base#ARG}. */
  public int arg() {
    return arg;
  }

  public List<String> hops() {
    return hops;
  }

  /** Evaluated at method entry (and kept for the exit tracepoint). */
  public boolean atEnter() {
    return atEnter;
  }

  public long literal() {
    return literal;
  }

  public String text() {
    return text;
  }

  /** This expression as written in the spec. */
  @Override
  public String toString() {
    return source;
  }
}
