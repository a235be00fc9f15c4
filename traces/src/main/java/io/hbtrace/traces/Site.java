package io.hbtrace.traces;

/**
 * A source location events refer to by site id. Unknown parts are {@code ""} and line {@code -1}.
 */
public record Site(String className, String method, String sourceFile, int line) {

  /** {@code Class.method(File.java:12)}, the form stack traces use. */
  @Override
  public String toString() {
    String where = sourceFile.isEmpty() ? "Unknown Source" : sourceFile;
    return className + "." + method + "(" + where + (line >= 0 ? ":" + line : "") + ")";
  }
}
