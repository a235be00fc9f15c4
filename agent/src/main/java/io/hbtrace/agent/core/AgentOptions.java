package io.hbtrace.agent.core;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param replay a trace whose order the run must follow (replay), or null
 * @param replayResult where to write how the replay went, or null
 * @param explore {@code dfs} or {@code random} to explore interleavings, or null
 * @param exploreResult where to write what the exploration found, or null
 * @param explorePreemptions the bound of a {@code dfs} exploration
 * @param exploreRuns the most runs to explore
 * @param exploreSeed the seed of a {@code random} exploration
 */
public record AgentOptions(
    Path out,
    String spec,
    boolean failOnError,
    boolean verbose,
    String format,
    boolean failHooks,
    Map<String, String> metadata,
    Path replay,
    Path replayResult,
    String explore,
    Path exploreResult,
    int explorePreemptions,
    long exploreRuns,
    long exploreSeed) {

  /** The spec used when none is named. */
  public static final String DEFAULT_SPEC = "builtin:sample-fs";

  private static final String KNOWN =
      "out, spec, failOnError, startResult, verbose, format, failHooks, replay, replayResult,"
          + " explore, exploreResult, explorePreemptions, exploreRuns, exploreSeed, meta.KEY";

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
        case "out",
            "spec",
            "failOnError",
            "startResult",
            "verbose",
            "format",
            "failHooks",
            "replay",
            "replayResult",
            "explore",
            "exploreResult",
            "explorePreemptions",
            "exploreRuns",
            "exploreSeed" -> {
          if (values.put(key, value) != null) {
            throw new OptionsException("option '" + key + "' given twice");
          }
        }
        default ->
            throw new OptionsException("unknown option '" + key + "' (known: " + KNOWN + ")");
      }
    }
    path(values, "startResult", pid); // checked here; read by StartReport, even from bad options
    Path replay = path(values, "replay", pid);
    Path replayResult = path(values, "replayResult", pid);
    if (replayResult != null && replay == null) {
      throw new OptionsException("option 'replayResult' needs replay=TRACE");
    }
    String out = values.get("out");
    String explore = values.get("explore");
    if (explore != null && !explore.equals("dfs") && !explore.equals("random")) {
      throw new OptionsException(
          "bad option 'explore': '" + explore + "' (expected dfs or random)");
    }
    if (explore != null && replay != null) {
      throw new OptionsException("options 'replay' and 'explore' exclude each other");
    }
    Path exploreResult = path(values, "exploreResult", pid);
    if (explore == null) {
      for (String k :
          List.of("exploreResult", "explorePreemptions", "exploreRuns", "exploreSeed")) {
        if (values.containsKey(k)) {
          throw new OptionsException("option '" + k + "' needs explore=dfs or explore=random");
        }
      }
    }
    int preemptions = (int) number(values, "explorePreemptions", 2, 0, 10);
    long runs = number(values, "exploreRuns", 10_000, 1, Long.MAX_VALUE);
    long seed = number(values, "exploreSeed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    if (out == null && (replay != null || explore != null) && !values.containsKey("format")) {
      values.put("format", "none"); // a scheduled run need not record
      out = "scheduled-unrecorded";
    }
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
        meta,
        replay,
        replayResult,
        explore,
        exploreResult,
        preemptions,
        runs,
        seed);
  }

  private static long number(Map<String, String> values, String key, long dflt, long min, long max)
      throws OptionsException {
    String v = values.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new OptionsException(
        "bad option '"
            + key
            + "': '"
            + v
            + "' (expected a whole number from "
            + min
            + (max == Long.MAX_VALUE ? " up" : " to " + max)
            + ")");
  }

  private static Path path(Map<String, String> values, String key, long pid)
      throws OptionsException {
    String v = values.get(key);
    if (v == null) {
      return null;
    }
    if (v.isEmpty()) {
      throw new OptionsException("bad option '" + key + "': empty path");
    }
    try {
      return Path.of(v.replace("{pid}", Long.toString(pid)));
    } catch (InvalidPathException e) {
      throw new OptionsException("bad option '" + key + "': not a path: " + v);
    }
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
    return "true".equals(requested(args, "failOnError"));
  }

  /**
   * The value of option {@code key} in {@code args} (the first one), read leniently as {@link
   * #failOnErrorRequested} does; null if absent.
   */
  public static String requested(String args, String key) {
    if (args == null) {
      return null;
    }
    for (String item : args.split(",")) {
      String it = item.trim();
      if (it.startsWith(key + "=")) {
        return it.substring(key.length() + 1);
      }
    }
    return null;
  }
}
