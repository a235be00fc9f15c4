package io.hbtrace.agent.core;

import io.hbtrace.agent.bridge.Hooks;
import io.hbtrace.agent.bridge.TraceControl;
import io.hbtrace.agent.instrument.Instrumenter;
import io.hbtrace.agent.record.FailingSink;
import io.hbtrace.agent.record.Problems;
import io.hbtrace.agent.record.Recorder;
import io.hbtrace.agent.record.RotatingOutput;
import io.hbtrace.agent.record.StartInfo;
import io.hbtrace.agent.record.TraceOutput;
import io.hbtrace.agent.schedule.ExploreScheduler;
import io.hbtrace.agent.schedule.ReplayScheduler;
import io.hbtrace.agent.schedule.ScheduledOutput;
import io.hbtrace.agent.schedule.Scheduler;
import io.hbtrace.agent.spec.Spec;
import io.hbtrace.agent.spec.SpecException;
import io.hbtrace.agent.spec.SpecLoader;
import io.hbtrace.agent.spec.Tracepoint;
import io.hbtrace.traces.TraceException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Starts recording: options, spec, the JDK internals the writer and the lock identities need, the
 * trace output, the recorder behind {@code Hooks}, the instrumentation, the shutdown hook. Called
 * once, reflectively, by the entry point in the agent's own class loader. Never throws.
 */
public final class AgentCore {
  /** Status: recording. */
  public static final int RECORDING = 0;

  /** Status: not recording; the program runs on. */
  public static final int NOT_RECORDING = 1;

  /** Status and JVM exit code when a start failure must stop the program (failOnError=true). */
  public static final int EXIT_FAILED = 78;

  private AgentCore() {}

  /** The agent's version, from the jar's build. */
  public static String version() {
    try (InputStream in = AgentCore.class.getResourceAsStream("agent.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (Exception e) {
      return "unknown";
    }
  }

  /**
   * Entry point called by {@code io.hbtrace.agent.entry.AgentEntry}.
   *
   * @return {@link #RECORDING}, {@link #NOT_RECORDING} or {@link #EXIT_FAILED}
   */
  public static int start(String args, Instrumentation inst, boolean dynamic) {
    // at premain the program has made no thread yet: what the start-up took of the default thread
    // names' numbering goes back (see ThreadNumbering)
    ThreadNumbering numbering = dynamic ? null : ThreadNumbering.note(inst);
    try {
      return startRecording(args, inst, dynamic);
    } finally {
      if (numbering != null) {
        numbering.restore();
      }
    }
  }

  private static int startRecording(String args, Instrumentation inst, boolean dynamic) {
    PrintStream err = System.err;
    StartReport report = new StartReport(args, err);
    boolean failOnError = AgentOptions.failOnErrorRequested(args);
    String stage = "options";
    try {
      AgentOptions options = AgentOptions.parse(args, ProcessHandle.current().pid());
      failOnError = options.failOnError();
      stage = "spec";
      Spec spec = SpecLoader.load(options.spec());
      if (Hooks.installed()) {
        return alreadyRecording(report, failOnError, dynamic);
      }
      stage = "setup";
      openJdkInternals(inst);
      Problems problems = new Problems(options.verbose(), err);
      CommandLine cmd = CommandLine.current();
      Map<String, String> meta = new LinkedHashMap<>(options.metadata());
      meta.put("agent.spec", spec.name());
      meta.put("agent.specDigest", spec.digest());
      meta.put("agent.attach", dynamic ? "dynamic" : "premain");
      if (cmd.jar() != null) {
        meta.put("agent.jar", cmd.jar());
      }
      StartInfo startInfo =
          new StartInfo("hbtrace-agent", version(), cmd.mainClass(), cmd.arguments(), meta);
      Runnable[] expunger = {() -> {}}; // the recorder's, once it exists
      Scheduler scheduler = null;
      if (options.replay() != null || options.explore() != null) {
        stage = options.replay() != null ? "replay" : "explore";
        scheduler = scheduler(options, spec, err, () -> expunger[0].run());
      }
      stage = "output"; // only once everything else is known good: a refusal leaves no trace
      TraceOutput opened = Outputs.open(options.out(), options.format(), startInfo);
      if (scheduler != null) {
        opened = new ScheduledOutput(opened, scheduler);
      }
      RotatingOutput out = new RotatingOutput(opened);
      Recorder recorder = new Recorder(out, problems);
      if (dynamic) {
        recorder.attachedMidRun();
      }
      expunger[0] = recorder::expunge;
      if (!Hooks.install(options.failHooks() ? new FailingSink(recorder) : recorder)) {
        out.close();
        return alreadyRecording(report, failOnError, dynamic);
      }
      boolean scheduled = opened instanceof ScheduledOutput;
      Hooks.scheduledRun(scheduled);
      stage = "instrumentation";
      // Byte Buddy's own name for this property is relocated with it: only our copy sees it.
      System.setProperty("net.bytebuddy.safe", "true");
      Instrumenter instrumenter = new Instrumenter(spec, recorder, problems, scheduled);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    finish(recorder, instrumenter, problems, options);
                    noClassInstrumented(inst, cmd.mainClass(), instrumenter, problems, options);
                  },
                  "hbtrace-close"));
      try {
        instrumenter.install(inst);
      } catch (RuntimeException | LinkageError e) {
        Hooks.uninstall();
        throw e;
      }
      if (options.explore() == null) {
        recorder.startHousekeeping(); // an exploration expunges between its runs instead
      }
      TraceControl.install(new PerTestTraces(out, options, startInfo, problems));
      if (!recorder.lockInternalsOpen()) {
        problems.info(
            "JDK lock internals not accessible: read-write lock views are tied at call sites only");
      }
      problems.info(
          "recording to "
              + options.out()
              + " with spec "
              + spec.name()
              + (dynamic ? " (attached)" : ""));
      report.recording();
      return RECORDING;
    } catch (OptionsException | SpecException e) {
      return report.refused(e.getMessage(), failOnError);
    } catch (OutputException e) {
      return report.refused(e.getMessage(), failOnError);
    } catch (Throwable t) {
      return report.refused("cannot start (" + stage + "): " + t, failOnError);
    }
  }

  /** Another start recorded first: with failOnError at premain the program is stopped. */
  private static int alreadyRecording(StartReport report, boolean failOnError, boolean dynamic) {
    return report.refused(
        "already recording in this JVM; ignoring this start", failOnError && !dynamic);
  }

  /**
   * The scheduler the options ask for: a replay of a recorded trace, or an exploration ({@code
   * betweenRuns} expunges the identity table while nothing else runs). Its result file is checked
   * now, not found unwritable at exit.
   */
  private static Scheduler scheduler(
      AgentOptions options, Spec spec, PrintStream err, Runnable betweenRuns)
      throws OutputException {
    if (options.explore() != null) {
      Outputs.checkResultFile(options.exploreResult(), "exploreResult");
      return ExploreScheduler.of(
          options.explore(),
          options.explorePreemptions(),
          options.exploreRuns(),
          options.exploreSeed(),
          options.exploreResult(),
          err,
          betweenRuns);
    }
    Outputs.checkResultFile(options.replayResult(), "replayResult");
    try {
      return ReplayScheduler.of(options.replay(), spec.digest(), options.replayResult(), err);
    } catch (TraceException | IllegalArgumentException e) {
      throw new OutputException("cannot replay " + options.replay() + ": " + e.getMessage());
    }
  }

  private static void finish(
      Recorder recorder, Instrumenter instrumenter, Problems problems, AgentOptions options) {
    try {
      recorder.close();
      if (options.verbose()) {
        List<Tracepoint> unmatched = instrumenter.unmatched();
        if (!unmatched.isEmpty()) {
          List<String> named = new ArrayList<>();
          for (Tracepoint t : unmatched) {
            named.add(t.target() + " (" + t.where() + ")");
          }
          problems.info(
              unmatched.size()
                  + " tracepoint(s) never matched a method the agent instruments (a class never"
                  + " loaded, a method it does not have, abstract or native, or a JDK class): "
                  + firstOf(named));
        }
        List<String> fields = instrumenter.unaccessedFields();
        if (!fields.isEmpty()) {
          problems.info(
              fields.size()
                  + " named field(s) never accessed by instrumented code: "
                  + firstOf(fields));
        }
        problems.info(
            "trace closed: "
                + instrumenter.transformedClasses()
                + " classes instrumented, "
                + problems.count()
                + " problem(s)");
      }
    } catch (Throwable t) {
      System.err.println("hbtrace-agent: closing the trace failed: " + t);
    }
  }

  /**
   * Says so when the program ran (its main class loaded; a JVM stopped before it, as another
   * agent's failOnError does, is not told) and the spec included none of its classes: the built-in
   * spec names sample-fs only, and a user's program then leaves a trace without events.
   */
  private static void noClassInstrumented(
      Instrumentation inst,
      String mainClass,
      Instrumenter instrumenter,
      Problems problems,
      AgentOptions options) {
    try {
      if (instrumenter.transformedClasses() > 0 || !loaded(inst, mainClass)) {
        return;
      }
      problems.warn(
          "no class was instrumented: spec "
              + options.spec()
              + " includes none of the classes the program loaded, so the trace holds none of"
              + " its events (name them in a spec: include com.example.)");
    } catch (Throwable t) {
      // a hint only: nothing to say if it cannot be worked out
    }
  }

  private static boolean loaded(Instrumentation inst, String className) {
    if (className == null || className.isEmpty()) {
      return true; // not known: the program may well have run
    }
    String name = className.substring(className.indexOf('/') + 1); // -m module/class
    for (Class<?> c : inst.getAllLoadedClasses()) {
      if (c.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Up to 20 of {@code items}, comma-separated, then how many more there are. */
  static String firstOf(List<String> items) {
    int shown = Math.min(items.size(), 20);
    String head = String.join(", ", items.subList(0, shown));
    return shown == items.size() ? head : head + ", and " + (items.size() - shown) + " more";
  }

  /**
   * Opens what the trace writer (Chronicle), the lock identities and the collection views (their
   * backing collections and locks) need in {@code java.base} to this class's module, so no JVM
   * flags are needed. Without an Instrumentation (tests) it relies on the flags the caller gave.
   */
  private static void openJdkInternals(Instrumentation inst) {
    if (inst == null) {
      return;
    }
    Module base = Object.class.getModule();
    Set<Module> me = Set.of(AgentCore.class.getModule());
    Map<String, Set<Module>> exports = new LinkedHashMap<>();
    Map<String, Set<Module>> opens = new LinkedHashMap<>();
    exports.put("sun.nio.ch", me);
    exports.put("jdk.internal.ref", me);
    exports.put("jdk.internal.misc", me);
    opens.put("java.lang.reflect", me);
    opens.put("java.lang", me);
    opens.put("java.nio", me);
    opens.put("sun.nio.ch", me);
    opens.put("java.util.concurrent.locks", me);
    opens.put("java.util", me); // views' collections and locks (ViewBacking)
    inst.redefineModule(base, Set.of(), exports, opens, Set.of(), Map.of());
  }
}
