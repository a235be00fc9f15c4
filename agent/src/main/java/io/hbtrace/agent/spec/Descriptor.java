package io.hbtrace.agent.spec;

/** The parts of a JVM method descriptor a spec needs checked: its arity and void return. */
record Descriptor(int parameterCount, boolean returnsVoid) {

  /** The parsed descriptor, or {@code null} if {@code d} is not a valid method descriptor. */
  static Descriptor parse(String d) {
    if (!d.startsWith("(")) {
      return null;
    }
    int i = 1;
    int count = 0;
    while (i < d.length() && d.charAt(i) != ')') {
      int end = fieldType(d, i);
      if (end < 0) {
        return null;
      }
      i = end;
      count++;
    }
    if (i >= d.length()) {
      return null;
    }
    i++;
    if (i == d.length() - 1 && d.charAt(i) == 'V') {
      return new Descriptor(count, true);
    }
    return fieldType(d, i) == d.length() ? new Descriptor(count, false) : null;
  }

  /** End index of the field type starting at {@code i}, or -1. */
  private static int fieldType(String d, int i) {
    while (i < d.length() && d.charAt(i) == '[') {
      i++;
    }
    if (i >= d.length()) {
      return -1;
    }
    char c = d.charAt(i);
    if ("ZBCSIJFD".indexOf(c) >= 0) {
      return i + 1;
    }
    if (c == 'L') {
      int semi = d.indexOf(';', i);
      if (semi <= i + 1 || d.substring(i + 1, semi).contains(".")) {
        return -1;
      }
      return semi + 1;
    }
    return -1;
  }
}
