package io.hbtrace.agent.bridge;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The function of a dependent stage ({@code thenApply}, {@code handle}, {@code thenCombine}, ...),
 * a {@link TracedTask} made when the stage is (run on an executor for the {@code Async} forms,
 * inline otherwise): its start also receives the completion of the stage it depends on when it
 * reads it ({@code handle}, {@code whenComplete}; the other forms have the completion relayed into
 * this step's own channel, see {@link StageHooks}); the derived future is an alias of it. The
 * subclasses are the functional interfaces the stages take.
 */
abstract class StageStep extends TracedTask {
  private final Object source; // a stage whose completion the start receives, or null

  StageStep(Object source, Executor e, boolean async, int site) {
    super(site, service(e), async, null);
    this.source = source;
  }

  @Override
  final void begin() {
    super.begin();
    if (source != null) {
      HandoffHooks.received(source, HandoffKind.FUTURE, site);
    }
  }

  /** {@code derived}, the stage made with this step, from now on an alias of it. */
  final <S> S derived(S derived) {
    HandoffHooks.alias(derived, this);
    return derived;
  }

  /** {@code stage} followed by a relay of its completion into this step's channel. */
  @SuppressWarnings("rawtypes") // the hooks call the stage's methods raw
  final CompletionStage relay(CompletionStage<?> stage) {
    return relayed(stage, this, site);
  }

  /**
   * {@code derived} followed by a relay of {@code source}'s completion into this step's channel,
   * for a stage that skips the step when {@code source} completed normally ({@code
   * exceptionallyAsync}, {@code exceptionallyCompose}): the relay runs once {@code derived}
   * completed, so after {@code source} did, and its {@code whenComplete} completes as {@code
   * derived} did (the failures such a stage completes with are {@code CompletionException}s
   * already, which it keeps as they are).
   */
  @SuppressWarnings("rawtypes")
  final CompletionStage relayedAfter(CompletionStage<?> derived, Object source) {
    return derived.whenComplete(new Relay(source, this, site));
  }

  /**
   * Whether a stage call is left as it is: nothing records, an argument is null (it throws), or the
   * stage is of a class of the program's own (a subclass of {@code CompletableFuture} whose
   * overrides must run as they are, which the stages made here would go around).
   */
  static boolean unrecorded(Object a, Object b) {
    return Hooks.sink == null || foreign(a) || b == null;
  }

  /** Whether {@code stage}, a second source, is null or of a class of the program's own. */
  static boolean foreign(Object stage) {
    return stage == null || stage.getClass().getClassLoader() != null;
  }

  static boolean unrecorded(Object a, Object b, Object c) {
    return unrecorded(a, b) || c == null;
  }

  static boolean unrecorded(Object a, Object b, Object c, Object d) {
    return unrecorded(a, b, c) || d == null;
  }

  /**
   * {@code stage} followed by a relay of its completion into {@code channel}'s, made when {@code
   * stage} completes either way (a {@code whenComplete}, which completes as {@code stage} did, its
   * failure wrapped in a {@code CompletionException} as the dependent stage would have); null stays
   * null.
   */
  @SuppressWarnings("rawtypes")
  static CompletionStage relayed(CompletionStage<?> stage, Object channel, int site) {
    return stage == null ? null : stage.whenComplete(new Relay(stage, channel, site));
  }

  /** Hands a stage's completion on to a channel: the one hand-off made for a skipped step. */
  static final class Relay implements BiConsumer<Object, Throwable> {
    private final Object stage;
    private final Object channel;
    private final int site;

    Relay(Object stage, Object channel, int site) {
      this.stage = stage;
      this.channel = channel;
      this.site = site;
    }

    @Override
    public void accept(Object value, Throwable failure) {
      HandoffHooks.received(stage, HandoffKind.FUTURE, site);
      HandoffHooks.sent(channel, HandoffKind.FUTURE, site);
    }
  }

  static final class Apply extends StageStep implements Function<Object, Object> {
    private final Function<Object, Object> f;

    Apply(Function<Object, Object> f, Object source, Executor e, boolean async, int site) {
      super(source, e, async, site);
      this.f = f;
    }

    @Override
    public Object apply(Object v) {
      begin();
      try {
        return f.apply(v);
      } finally {
        end();
      }
    }
  }

  /**
   * {@code thenCompose}/{@code exceptionallyCompose}: the stage the function returns is relayed
   * into this step's channel too, as the derived future completes with it.
   */
  static final class Compose extends StageStep implements Function<Object, Object> {
    private final Function<Object, CompletionStage<?>> f;

    Compose(
        Function<Object, CompletionStage<?>> f,
        Object source,
        Executor e,
        boolean async,
        int site) {
      super(source, e, async, site);
      this.f = f;
    }

    @Override
    public Object apply(Object v) {
      CompletionStage<?> next;
      begin();
      try {
        next = f.apply(v);
      } finally {
        end();
      }
      return relay(next);
    }
  }

  static final class BiApply extends StageStep implements BiFunction<Object, Object, Object> {
    private final BiFunction<Object, Object, Object> f;

    BiApply(
        BiFunction<Object, Object, Object> f, Object source, Executor e, boolean async, int site) {
      super(source, e, async, site);
      this.f = f;
    }

    @Override
    public Object apply(Object a, Object b) {
      begin();
      try {
        return f.apply(a, b);
      } finally {
        end();
      }
    }
  }

  /**
   * {@code exceptionally(f)} made as {@code handle}: the same value or the same call of {@code f}
   * with the same failure, but the step runs on either outcome, so a normal completion that skips
   * {@code f} hands over too.
   */
  static final class Exceptionally extends StageStep
      implements BiFunction<Object, Throwable, Object> {
    private final Function<Throwable, Object> f;

    Exceptionally(Function<Throwable, Object> f, Object source, int site) {
      super(source, null, false, site);
      this.f = f;
    }

    @Override
    public Object apply(Object v, Throwable x) {
      begin();
      try {
        return x == null ? v : f.apply(x);
      } finally {
        end();
      }
    }
  }

  static final class Accept extends StageStep implements Consumer<Object> {
    private final Consumer<Object> f;

    Accept(Consumer<Object> f, Object source, Executor e, boolean async, int site) {
      super(source, e, async, site);
      this.f = f;
    }

    @Override
    public void accept(Object v) {
      begin();
      try {
        f.accept(v);
      } finally {
        end();
      }
    }
  }

  static final class BiAccept extends StageStep implements BiConsumer<Object, Object> {
    private final BiConsumer<Object, Object> f;

    BiAccept(BiConsumer<Object, Object> f, Object source, Executor e, boolean async, int site) {
      super(source, e, async, site);
      this.f = f;
    }

    @Override
    public void accept(Object a, Object b) {
      begin();
      try {
        f.accept(a, b);
      } finally {
        end();
      }
    }
  }

  static final class Run extends StageStep implements Runnable {
    private final Runnable f;

    Run(Runnable f, Executor e, boolean async, int site) {
      this(f, null, e, async, site);
    }

    Run(Runnable f, Object source, Executor e, boolean async, int site) {
      super(source, e, async, site);
      this.f = f;
    }

    @Override
    public void run() {
      begin();
      try {
        f.run();
      } finally {
        end();
      }
    }
  }
}
