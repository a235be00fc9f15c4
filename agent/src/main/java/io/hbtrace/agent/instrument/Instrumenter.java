package io.hbtrace.agent.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isDefaultFinalizer;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import io.hbtrace.agent.bridge.Hooks;
import io.hbtrace.agent.record.Problems;
import io.hbtrace.agent.record.Recorder;
import io.hbtrace.agent.spec.Spec;
import io.hbtrace.agent.spec.Tracepoint;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Builds the Byte Buddy agent that applies every concern to the classes a spec instruments: the
 * synchronization concerns to {@code include}d classes, named-field accesses and tracepoints
 * wherever the spec puts them. JDK classes, classes of the bootstrap loader and the agent's own
 * classes are never transformed. Classes already loaded are retransformed (dynamic attach); nothing
 * adds fields or methods, so retransformation is always allowed.
 */
public final class Instrumenter {
  private final Spec spec;
  private final Recorder recorder;
  private final Problems problems;
  private final Sites sites;
  private final HookVisibility hooks;
  private final ClassLoader ownLoader;
  private final Set<Tracepoint> matched = ConcurrentHashMap.newKeySet();
  private final AtomicInteger transformed = new AtomicInteger();
  private final CallRedirect.Rules syncRules = new CallRedirect.Rules();
  private final CallRedirect.Rules atomicRules = new CallRedirect.Rules();
  private final Map<String, Integer> volatileIds = new HashMap<>();
  private final Map<String, Integer> atomicIds = new HashMap<>();
  private final Set<Integer> accessedFields = ConcurrentHashMap.newKeySet();
  private final Set<Integer> primitiveAtomics = ConcurrentHashMap.newKeySet();
  private final boolean scheduled;

  /** Per class loader (weakly): owner internal name + ' ' + type -> is a subtype. */
  private final Map<ClassLoader, Map<String, Boolean>> subtypes =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Instruments what {@code spec} names, recording into {@code recorder}; {@code scheduled}: a
   * replay or an exploration, in which a {@code synchronized} block also asks for its turn before
   * it enters.
   */
  public Instrumenter(Spec spec, Recorder recorder, Problems problems, boolean scheduled) {
    this.spec = spec;
    this.scheduled = scheduled;
    this.recorder = recorder;
    this.problems = problems;
    this.sites = new Sites(recorder.output());
    this.hooks = new HookVisibility(problems);
    this.ownLoader = Instrumenter.class.getClassLoader();
    LockCallInstrumentation.addRules(syncRules);
    ThreadInstrumentation.addRules(syncRules);
    HandoffInstrumentation.addRules(syncRules);
    CollectionInstrumentation.addRules(syncRules); // after the BlockingQueue rules
    FieldAccessInstrumentation.addAtomicRules(atomicRules);
    for (String f : spec.volatileFields()) {
      volatileIds.put(internal(f), sites.string(f));
    }
    for (String f : spec.atomicFields()) {
      atomicIds.put(internal(f), sites.string(f));
    }
  }

  /** "a.b.C.f" -> "a/b/C.f" */
  private static String internal(String field) {
    int dot = field.lastIndexOf('.');
    return field.substring(0, dot).replace('.', '/') + field.substring(dot);
  }

  /** The agent builder (tests call {@code makeRaw()} on it to transform classes by hand). */
  public AgentBuilder agentBuilder() {
    ElementMatcher.Junction<TypeDescription> ignored =
        nameStartsWith("io.hbtrace.agent.")
            .or(nameStartsWith("java."))
            .or(nameStartsWith("javax."))
            .or(nameStartsWith("jdk."))
            .or(nameStartsWith("sun."))
            .or(nameStartsWith("com.sun."));
    // by default Byte Buddy leaves synthetic methods out of what advice applies to; a tracepoint
    // may name one (a lambda body, an accessor)
    return new AgentBuilder.Default(new ByteBuddy().ignore(isDefaultFinalizer()))
        .disableClassFormatChanges()
        .with(new NotingPoolStrategy())
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(new Bookkeeping())
        .ignore(ignored, isBootstrapClassLoader().or(loader -> loader == ownLoader))
        .type(
            (type, loader, module, classBeingRedefined, pd) -> {
              REDEFINING.set(classBeingRedefined != null);
              return spec.instruments(type.getName()) && hooks.sees(loader, type.getName());
            })
        .transform(this::transform);
  }

  /**
   * Installs on {@code inst}. Instrumented classes in named modules are given a read edge to the
   * bridge's module (the bootstrap loader's unnamed module), which they could not read otherwise.
   */
  public ResettableClassFileTransformer install(Instrumentation inst) {
    return agentBuilder()
        .with(AgentBuilder.Listener.ModuleReadEdgeCompleting.of(inst, false, Hooks.class))
        .installOn(inst);
  }

  private DynamicType.Builder<?> transform(
      DynamicType.Builder<?> builder,
      TypeDescription type,
      ClassLoader loader,
      JavaModule module,
      java.security.ProtectionDomain pd) {
    boolean defining = !REDEFINING.get(); // first: nothing else has run the matcher since
    String name = type.getName();
    ClassScan scan = ClassScan.of(classFile(name));
    boolean sync = spec.included(name);
    if (sync) {
      // registered before the code visitors, so its rewrite is the innermost (they see none of it)
      builder =
          SynchronizedMethodInstrumentation.apply(
              builder, type, scan, sites, scheduled && defining);
      builder = ForkJoinInstrumentation.apply(builder, type, scan, sites);
      builder = PhaserInstrumentation.apply(builder, type, scan, sites);
    }
    if (spec.hasTracepoints(name)) {
      builder =
          TracepointInstrumentation.apply(
              builder, type, scan, sites, spec, recorder, problems, matched);
    }
    boolean fields = !volatileIds.isEmpty() || !atomicIds.isEmpty();
    if (!sync && !fields) {
      return builder;
    }
    List<CallRedirect.Rule> rules = new ArrayList<>();
    if (sync) {
      rules.addAll(syncRules.list());
    }
    if (!atomicIds.isEmpty()) {
      rules.addAll(atomicRules.list());
    }
    CallRedirect.Rules all = new CallRedirect.Rules();
    all.list().addAll(rules);
    Map<String, Boolean> subtypeCache =
        subtypes.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
    ReferenceBridges bridges =
        ReferenceBridges.of(type.getInternalName(), type.isInterface(), loader, defining);
    return builder.visit(
        new CodeVisitorWrapper(
            (pool, version, access, method, mv) -> {
              MethodContext ctx =
                  new MethodContext(
                      name,
                      method,
                      scan.sourceFile(),
                      sites,
                      pool,
                      subtypeCache,
                      version >= Opcodes.V1_8 ? bridges : null);
              MethodVisitor v = mv;
              if (fields) {
                v =
                    new FieldAccessInstrumentation(
                        v, ctx, volatileIds, atomicIds, accessedFields, primitiveAtomics, problems);
              }
              // a bridge method only forwards to the method it stands for: redirected, a call the
              // hook makes through the bridged type would come back to it (a CompletableFuture
              // subclass overriding thenApply: its bridge thenApply(Function)CompletionStage)
              if (!all.isEmpty() && (access & Opcodes.ACC_BRIDGE) == 0) {
                v = CallRedirect.visitor(v, ctx, all);
              }
              if (sync) {
                v = new MonitorInstrumentation(v, ctx, scheduled, version >= Opcodes.V1_7);
              }
              return v;
            },
            bridges));
  }

  /**
   * The class file being transformed, as the JVM handed it to the agent: a class a loader defines
   * from bytes it does not also serve as a resource (a plugin system, a generated class) has its
   * source file and lines only there.
   */
  private static byte[] classFile(String name) {
    ClassFileLocator locator = BEING_TRANSFORMED.get().get(name);
    try {
      return locator == null ? null : locator.locate(name).resolve();
    } catch (Exception | LinkageError e) {
      return null;
    }
  }

  /**
   * Whether the class the matcher last looked at on this thread is loaded already (retransformed,
   * so its methods' modifiers cannot change); the transformation that follows reads it.
   */
  private static final ThreadLocal<Boolean> REDEFINING = ThreadLocal.withInitial(() -> false);

  /**
   * The class file locators Byte Buddy made for the classes this thread is transforming, by name (a
   * class may load while another is being transformed); each is forgotten when its class is done,
   * transformed or not, so no class bytes or loader stay reachable from a pooled thread.
   */
  private static final ThreadLocal<Map<String, ClassFileLocator>> BEING_TRANSFORMED =
      ThreadLocal.withInitial(HashMap::new);

  /**
   * Byte Buddy's default type pool, noting on the way the locator it is given for the class being
   * transformed, which serves that class's bytes as the JVM gave them first.
   */
  private static final class NotingPoolStrategy implements AgentBuilder.PoolStrategy {
    private final AgentBuilder.PoolStrategy pools = AgentBuilder.PoolStrategy.Default.FAST;

    @Override
    public TypePool typePool(ClassFileLocator locator, ClassLoader loader) {
      return pools.typePool(locator, loader);
    }

    @Override
    public TypePool typePool(ClassFileLocator locator, ClassLoader loader, String name) {
      BEING_TRANSFORMED.get().put(name, locator);
      return pools.typePool(locator, loader, name);
    }
  }

  /** Tracepoints whose method was never seen in a loaded class. */
  public List<Tracepoint> unmatched() {
    List<Tracepoint> out = new ArrayList<>();
    for (Tracepoint t : spec.tracepoints()) {
      if (!matched.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }

  /** The spec's volatile and atomic fields that no instrumented code accessed. */
  public List<String> unaccessedFields() {
    List<String> out = new ArrayList<>();
    unaccessed(spec.volatileFields(), volatileIds, out);
    unaccessed(spec.atomicFields(), atomicIds, out);
    return out;
  }

  private void unaccessed(Iterable<String> named, Map<String, Integer> ids, List<String> out) {
    for (String f : named) {
      if (!accessedFields.contains(ids.get(internal(f)))) {
        out.add(f);
      }
    }
  }

  public int transformedClasses() {
    return transformed.get();
  }

  /**
   * Counts the classes transformed, reports the ones that could not be, and forgets each class's
   * locator when it is done.
   */
  private final class Bookkeeping extends AgentBuilder.Listener.Adapter {
    @Override
    public void onTransformation(
        TypeDescription typeDescription,
        ClassLoader classLoader,
        JavaModule module,
        boolean loaded,
        DynamicType dynamicType) {
      transformed.incrementAndGet();
    }

    @Override
    public void onError(
        String typeName,
        ClassLoader classLoader,
        JavaModule module,
        boolean loaded,
        Throwable throwable) {
      problems.once("cannot instrument " + typeName + ": " + throwable);
    }

    @Override
    public void onComplete(
        String typeName, ClassLoader classLoader, JavaModule module, boolean loaded) {
      BEING_TRANSFORMED.get().remove(typeName);
    }
  }
}
