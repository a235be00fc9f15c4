package io.hbtrace.analyzer.cli;

import picocli.CommandLine;

/** The version the CLI reports, from the jar manifest (or "dev" when run from classes). */
final class Version implements CommandLine.IVersionProvider {
  static String get() {
    String v = HbtraceMain.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"hbtrace " + get()};
  }
}
