package io.hbtrace.agent.core;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's options, {@code key=value} pairs separated by commas ({@code
 * -javaagent:hbtrace-agent.jar=out=DIR,spec=FILE,...}), parsed and validated here and nowhere else.
 * See {@code agent/README.md} for the list.
 *
 * @param out the trace directory ({@code {pid}} replaced by the process id)
 * @param spec a spec file path, or {@code builtin:NAME}
 * @param format {@code trace} (the hbtrace trace format), {@code text} (debugging) or {@code none}
 *     (instrument, record nothing)
 * @param failHooks make every hook fail inside (testing that failures never reach the program)
 * @param metadata {@code meta.KEY=VALUE} options, into the trace's start record
 */
public record AgentOptions(
    Path out,
    String spec,
    boolean failOnError,
    boolean verbose,
    String format,
    boolean failHooks,
    Map<String, String> metadata) {

  /** The spec used when none is named. */
  public static final String DEFAULT_SPEC = "builtin:sample-fs";

  private static final String KNOWN =
      "out, spec, failOnError, verbose, format, failHooks, meta.KEY";

  public AgentOptions {
    metadata = Map.copyOf(metadata);
  }

  /** Parses the agent argument string ({@code null} when none was given). */
  public static AgentOptions parse(String args, long pid) throws OptionsException {
    if (args == null || args.isBlank()) {
      throw new OptionsException(
          "missing option out=DIR (e.g. -javaagent:hbtrace-agent.jar=out=trace)");
    }
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> meta = new LinkedHashMap<>();
    for (String item : args.split(",", -1)) {
      String it = item.trim();
      if (it.isEmpty()) {
        throw new OptionsException(
            "empty option in '" + args + "' (options are key=value,key=value)");
      }
      int eq = it.indexOf('=');
      if (eq <= 0) {
        throw new OptionsException("bad option '" + it + "': expected key=value");
      }
      String key = it.substring(0, eq);
      String value = it.substring(eq + 1);
      if (key.startsWith("meta.")) {
        String m = key.substring(5);
        if (m.isEmpty()) {
          throw new OptionsException("bad option '" + it + "': meta needs a key (meta.KEY=VALUE)");
        }
        if (meta.put(m, value) != null) {
          throw new OptionsException("option '" + key + "' given twice");
        }
        continue;
      }
      switch (key) {
        case "out", "spec", "failOnError", "verbose", "format", "failHooks" -> {
          if (values.put(key, value) != null) {
            throw new OptionsException("option '" + key + "' given twice");
          }
        }
        default ->
            throw new OptionsException("unknown option '" + key + "' (known: " + KNOWN + ")");
      }
    }
    String out = values.get("out");
    if (out == null) {
      throw new OptionsException("missing option out=DIR");
    }
    if (out.isEmpty()) {
      throw new OptionsException("bad option 'out': empty directory name");
    }
    Path dir;
    try {
      dir = Path.of(out.replace("{pid}", Long.toString(pid)));
    } catch (InvalidPathException e) {
      throw new OptionsException("bad option 'out': not a path: " + out);
    }
    String spec = values.getOrDefault("spec", DEFAULT_SPEC);
    if (spec.isEmpty()) {
      throw new OptionsException("bad option 'spec': empty (give a file or builtin:NAME)");
    }
    String format = values.getOrDefault("format", "trace");
    if (!format.equals("trace") && !format.equals("text") && !format.equals("none")) {
      throw new OptionsException(
          "bad option 'format': '" + format + "' (expected trace, text or none)");
    }
    return new AgentOptions(
        dir,
        spec,
        bool(values, "failOnError"),
        bool(values, "verbose"),
        format,
        bool(values, "failHooks"),
        meta);
  }

  private static boolean bool(Map<String, String> values, String key) throws OptionsException {
    String v = values.get(key);
    if (v == null || v.equals("false")) {
      return false;
    }
    if (v.equals("true")) {
      return true;
    }
    throw new OptionsException("bad option '" + key + "': '" + v + "' (expected true or false)");
  }

  /**
   * Whether {@code failOnError=true} appears in {@code args}, read leniently: the options may be
   * bad, and a bad option must still stop the program when this was asked for.
   */
  public static boolean failOnErrorRequested(String args) {
    if (args == null) {
      return false;
    }
    for (String item : args.split(",")) {
      if (item.trim().equals("failOnError=true")) {
        return true;
      }
    }
    return false;
  }
}
