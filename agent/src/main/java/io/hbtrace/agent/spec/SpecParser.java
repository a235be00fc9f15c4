package io.hbtrace.agent.spec;

import io.hbtrace.traces.event.EventKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the line-oriented tracepoint spec format ({@code agent/SPEC.md}). The first problem found
 * stops parsing with a {@link SpecException} whose message is "{@code source:line: problem}".
 *
 * <p>Longer than most files here: the whole grammar of {@code SPEC.md}, one method per production,
 * so that the parser can be read against it top to bottom.
 */
public final class SpecParser {

  /** The one spec format version this agent reads. */
  public static final int VERSION = 1;

  private final String source;
  private int lineNo;

  private SpecParser(String source) {
    this.source = source;
  }

  /** Parses {@code text}; {@code source} names it in messages (a path or "builtin:NAME"). */
  public static Spec parse(String source, String text) throws SpecException {
    return new SpecParser(source).run(text);
  }

  private Spec run(String text) throws SpecException {
    List<String> includes = new ArrayList<>();
    List<String> excludes = new ArrayList<>();
    Set<String> volatiles = new LinkedHashSet<>();
    Set<String> atomics = new LinkedHashSet<>();
    List<Tracepoint> tracepoints = new ArrayList<>();
    boolean header = false;
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte-order mark, as some editors save UTF-8
    }
    String[] lines = text.split("\r\n|\r|\n", -1); // Unix, Windows or old Mac line ends
    for (int i = 0; i < lines.length; i++) {
      lineNo = i + 1;
      List<String> tokens = tokenize(lines[i]);
      if (tokens.isEmpty()) {
        continue;
      }
      String directive = tokens.get(0);
      if (!header) {
        if (!directive.equals("spec")) {
          throw error(
              "expected 'spec " + VERSION + "' as the first line, found '" + directive + "'");
        }
        if (tokens.size() != 2) {
          throw error("'spec' takes one version number");
        }
        if (!tokens.get(1).equals(Integer.toString(VERSION))) {
          throw error(
              "unsupported spec version '"
                  + tokens.get(1)
                  + "' (this agent reads version "
                  + VERSION
                  + ")");
        }
        header = true;
        continue;
      }
      switch (directive) {
        case "spec" -> throw error("'spec' given twice");
        case "include" -> includes.add(prefix(tokens));
        case "exclude" -> excludes.add(prefix(tokens));
        case "volatile" -> volatiles.add(fieldName(tokens));
        case "atomic" -> atomics.add(fieldName(tokens));
        case "at" -> tracepoints.add(unlikeEarlier(tracepoints, tracepoint(tokens)));
        default ->
            throw error(
                "unknown directive '"
                    + directive
                    + "' (expected include, exclude, volatile, atomic or at)");
      }
    }
    if (!header) {
      throw new SpecException(source + ": empty spec (expected 'spec " + VERSION + "')");
    }
    return new Spec(source, includes, excludes, volatiles, atomics, tracepoints);
  }

  /**
   * {@code t}, unless an earlier line records the same kind at the same end of the same method (the
   * same overload, or every overload): each event would be recorded twice.
   */
  private Tracepoint unlikeEarlier(List<Tracepoint> earlier, Tracepoint t) throws SpecException {
    for (Tracepoint o : earlier) {
      boolean sameOverload =
          o.descriptor() == null || t.descriptor() == null || o.descriptor().equals(t.descriptor());
      if (o.kind() == t.kind()
          && o.atExit() == t.atExit()
          && o.className().equals(t.className())
          && o.method().equals(t.method())
          && o.fields().toString().equals(t.fields().toString())
          && sameOverload) {
        throw error(
            "records "
                + t.kind()
                + " at "
                + t.target()
                + " again (as "
                + o.where()
                + " does): each event would be recorded twice");
      }
    }
    return t;
  }

  private SpecException error(String problem) {
    return new SpecException(source + ":" + lineNo + ": " + problem);
  }

  // ---- lexical ---------------------------------------------------------------------------------

  /**
   * Splits a line into whitespace-separated tokens. A {@code #} at the start of a token begins a
   * comment ({@code Class#method} is not one); double quotes group a token with spaces, with {@code
   * \"} and {@code \\} as escapes; the quotes are kept in the token.
   */
  private List<String> tokenize(String line) throws SpecException {
    List<String> tokens = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inToken = false;
    boolean inQuote = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inQuote) {
        cur.append(c);
        if (c == '\\' && i + 1 < line.length()) {
          cur.append(line.charAt(++i));
        } else if (c == '"') {
          inQuote = false;
        }
        continue;
      }
      if (Character.isWhitespace(c)) {
        if (inToken) {
          tokens.add(cur.toString());
          cur.setLength(0);
          inToken = false;
        }
        continue;
      }
      if (c == '#' && !inToken) {
        break;
      }
      inToken = true;
      cur.append(c);
      if (c == '"') {
        inQuote = true;
      }
    }
    if (inQuote) {
      throw error("unterminated string");
    }
    if (inToken) {
      tokens.add(cur.toString());
    }
    return tokens;
  }

  private static boolean isJavaName(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A binary class name: dot-separated Java identifiers ({@code $} allowed for nested classes). */
  private static boolean isClassName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (String part : s.split("\\.", -1)) {
      if (!isJavaName(part)) {
        return false;
      }
    }
    return true;
  }

  // ---- directives ------------------------------------------------------------------------------

  private String prefix(List<String> tokens) throws SpecException {
    String d = tokens.get(0);
    if (tokens.size() != 2) {
      throw error("'" + d + "' takes one class-name prefix, e.g. '" + d + " com.example.'");
    }
    String p = tokens.get(1);
    String body = p.endsWith(".") ? p.substring(0, p.length() - 1) : p;
    if (!isClassName(body)) {
      throw error("bad class-name prefix '" + p + "'");
    }
    return p;
  }

  private String fieldName(List<String> tokens) throws SpecException {
    String d = tokens.get(0);
    if (tokens.size() != 2) {
      throw error("'" + d + "' takes one field, e.g. '" + d + " com.example.Segment.endOffset'");
    }
    String f = tokens.get(1);
    int dot = f.lastIndexOf('.');
    if (dot <= 0 || !isClassName(f.substring(0, dot)) || !isJavaName(f.substring(dot + 1))) {
      throw error("bad field name '" + f + "' (expected Class.field)");
    }
    return f;
  }

  private Tracepoint tracepoint(List<String> tokens) throws SpecException {
    String when = tokens.size() < 2 ? "" : tokens.get(1);
    if (!(when.equals("enter") || when.equals("exit") || when.equals("return"))) {
      throw error(
          "expected 'enter', 'exit' or 'return' after 'at', found "
              + (tokens.size() < 2 ? "nothing" : "'" + when + "'"));
    }
    boolean atExit = !when.equals("enter");
    boolean normalOnly = when.equals("return");
    if (tokens.size() < 3) {
      throw error("expected Class#method after 'at " + tokens.get(1) + "'");
    }
    String ref = tokens.get(2);
    int hash = ref.indexOf('#');
    int paren = ref.indexOf('(');
    String cls = hash < 0 ? "" : ref.substring(0, hash);
    String method = hash < 0 ? "" : ref.substring(hash + 1, paren < 0 ? ref.length() : paren);
    String desc = paren < 0 ? null : ref.substring(paren);
    if (hash <= 0
        || !isClassName(cls)
        || (paren >= 0 && paren < hash)
        || !(isJavaName(method) || method.equals("<init>") || method.equals("<clinit>"))) {
      throw error(
          "bad method reference '" + ref + "' (expected Class#method or Class#method(descriptor))");
    }
    if (method.equals("<clinit>")) {
      throw error("static initializers cannot be traced ('" + ref + "')");
    }
    Descriptor descriptor = null;
    if (desc != null) {
      descriptor = Descriptor.parse(desc);
      if (descriptor == null) {
        throw error("bad descriptor '" + desc + "' in '" + ref + "'");
      }
    }
    if (tokens.size() < 4 || !tokens.get(3).equals("->")) {
      throw error("expected '->' after '" + ref + "'");
    }
    if (tokens.size() < 5) {
      throw error("expected an event kind after '->'");
    }
    EventKind kind = kind(tokens.get(4));
    Map<String, Expr> given = new LinkedHashMap<>();
    for (String capture : tokens.subList(5, tokens.size())) {
      int eq = capture.indexOf('=');
      if (eq <= 0 || eq == capture.length() - 1) {
        throw error("bad capture '" + capture + "' (expected field=expression)");
      }
      String field = capture.substring(0, eq);
      if (!kind.fieldNames().contains(field)) {
        throw error(
            "unknown field '"
                + field
                + "' for "
                + kind.name()
                + " (fields: "
                + String.join(", ", kind.fieldNames())
                + ")");
      }
      if (given.containsKey(field)) {
        throw error("field '" + field + "' given twice");
      }
      given.put(field, expression(capture.substring(eq + 1), field, atExit, method, descriptor));
    }
    List<Expr> fields = new ArrayList<>();
    for (String f : kind.fieldNames()) {
      Expr e = given.get(f);
      if (e == null) {
        throw error(
            "missing field '"
                + f
                + "' for "
                + kind.name()
                + " (fields: "
                + String.join(", ", kind.fieldNames())
                + ")");
      }
      fields.add(e);
    }
    return new Tracepoint(
        atExit, normalOnly, cls, method, desc, kind, fields, source + ":" + lineNo);
  }

  private EventKind kind(String name) throws SpecException {
    try {
      return EventKind.valueOf(name);
    } catch (IllegalArgumentException e) {
      String hint = "";
      try {
        EventKind.valueOf(name.toUpperCase(Locale.ROOT));
        hint = " (kinds are upper case: " + name.toUpperCase(Locale.ROOT) + ")";
      } catch (IllegalArgumentException ignored) {
        // no hint
      }
      throw error("unknown event kind '" + name + "'" + hint);
    }
  }

  private Expr expression(
      String text, String field, boolean atExit, String method, Descriptor descriptor)
      throws SpecException {
    String where = "field '" + field + "': ";
    if (text.startsWith("\"")) {
      int close = closingQuote(text);
      if (close != text.length() - 1) {
        throw error(where + "bad string " + text + " (text after the closing quote)");
      }
      return Expr.text(unescape(text.substring(1, close)), text);
    }
    char c0 = text.charAt(0);
    if (c0 == '-' || Character.isDigit(c0)) {
      try {
        long v =
            text.startsWith("0x") || text.startsWith("0X")
                ? Long.parseUnsignedLong(text.substring(2), 16)
                : Long.parseLong(text);
        return Expr.literal(v, text);
      } catch (NumberFormatException e) {
        throw error(where + "bad integer '" + text + "'");
      }
    }
    String body = text;
    boolean atEnter = false;
    int at = text.indexOf('@');
    if (at >= 0) {
      if (!text.substring(at).equals("@enter")) {
        throw error(where + "bad suffix '" + text.substring(at) + "' (only '@enter' is known)");
      }
      if (!atExit) {
        throw error(where + "'@enter' is only meaningful in an exit tracepoint");
      }
      body = text.substring(0, at);
      atEnter = true;
    }
    String[] parts = body.split("\\.", -1);
    String head = parts[0];
    List<String> hops = List.of(parts).subList(1, parts.length);
    for (String h : hops) {
      if (!isJavaName(h)) {
        throw error(where + "bad field hop '" + h + "' in '" + text + "'");
      }
    }
    if (hops.size() > Expr.MAX_HOPS) {
      throw error(where + "more than " + Expr.MAX_HOPS + " field hops in '" + text + "'");
    }
    Expr.Base base;
    int arg = 0;
    if (head.equals("this")) {
      base = Expr.Base.THIS;
      if ((!atExit || atEnter) && method.equals("<init>")) {
        throw error(where + "'this' is not available at entry of a constructor");
      }
    } else if (head.equals("return")) {
      base = Expr.Base.RETURN;
      if (!atExit || atEnter) {
        throw error(where + "'return' is only available at exit");
      }
      if (descriptor != null && descriptor.returnsVoid()) {
        throw error(where + "'return' used, but the method returns void");
      }
    } else if (head.equals("thrown")) {
      base = Expr.Base.THROWN;
      if (!atExit || atEnter) {
        throw error(where + "'thrown' is only available at exit");
      }
      if (!hops.isEmpty()) {
        throw error(where + "'thrown' takes no field hops (it is 1 if the method threw, else 0)");
      }
    } else if (head.matches("arg[0-9]{1,3}")) {
      base = Expr.Base.ARG;
      arg = Integer.parseInt(head.substring(3));
      if (descriptor != null && arg >= descriptor.parameterCount()) {
        throw error(
            where
                + "'"
                + head
                + "' is out of range: the method takes "
                + descriptor.parameterCount()
                + " argument(s)");
      }
    } else {
      throw error(
          where
              + "unknown expression '"
              + text
              + "' (expected this, argN, return, thrown, a field chain on one of them,"
              + " an integer or \"text\")");
    }
    return Expr.ref(base, arg, hops, atEnter, text);
  }

  /** Index of the quote closing the string that starts at 0, or -1. */
  private static int closingQuote(String s) {
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      b.append(c);
    }
    return b.toString();
  }
}
