package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.state.Occurrence;

/** Sentences that say why two events are, or are not, ordered. */
final class Orderings {
  private Orderings() {}

  /**
   * Why {@code first} need not come before {@code second}: they are unordered in this run, or
   * ordered only through edges that could have gone the other way.
   */
  static String unordered(String first, Occurrence a, String second, Occurrence b) {
    String s = sentence(first, a, second, b);
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String sentence(String first, Occurrence a, String second, Occurrence b) {
    if (a.thread() == b.thread()) {
      return first + " and " + second + " are in one thread, in that order.";
    }
    if (a.observedBefore(b) || b.observedBefore(a)) {
      String order = a.observedBefore(b) ? "before" : "after";
      return "In this run "
          + first
          + " came "
          + order
          + " "
          + second
          + " only through a page lock, the page-cache lock or an i_size read, which could have"
          + " gone the other way.";
    }
    return first
        + " and "
        + second
        + " are unordered: no lock, release, thread start/join or hand-off leads from one to the"
        + " other.";
  }
}
