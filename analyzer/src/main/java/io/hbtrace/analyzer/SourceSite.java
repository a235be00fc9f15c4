package io.hbtrace.analyzer;

/** A source location: class, method, source file and line (0 when unknown). */
public record SourceSite(String className, String method, String file, int line) {

  public static final SourceSite UNKNOWN = new SourceSite("?", "?", "?", 0);

  /** {@code SimpleClass.method:line}, the form reports show. */
  public String shortForm() {
    if (this == UNKNOWN || className.equals("?")) {
      return "?";
    }
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return simple + "." + method + (line > 0 ? ":" + line : "");
  }
}
