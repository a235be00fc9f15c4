package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.StageStep.unrecorded;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Hooks for the dependent stages of {@code CompletionStage} and {@code CompletableFuture} that
 * depend on one stage (those on two are {@link BothStageHooks}'), and for {@code allOf}, {@code
 * anyOf}, {@code completeAsync} and {@code getNow}. The function is wrapped in a {@link StageStep},
 * the derived future made an alias of it: a wait on the derived future receives the step's end.
 *
 * <p>A step can be skipped (a {@code thenApply} whose source failed completes without calling its
 * function), and the derived future still completes after the source: so a stage whose function
 * does not see the source's outcome is made on the source followed by a {@link StageStep.Relay}
 * ({@code whenComplete}), which hands the source's completion into the step's channel on either
 * outcome. {@code handle} and {@code whenComplete} always run their function, which sees the
 * source's very outcome: their step receives the source's completion itself. {@code exceptionally}
 * is made as the {@code handle} it is equal to. A stage of a class of the program's own (a {@code
 * CompletableFuture} subclass) is left to its overrides, not followed. The rules in {@link Hooks}'
 * comment hold here too.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class StageHooks {

  private StageHooks() {}

  public static CompletionStage thenApply(CompletionStage s, Function f, int site) {
    if (unrecorded(s, f)) {
      return s.thenApply(f);
    }
    StageStep.Apply w = new StageStep.Apply(f, null, null, false, site);
    return w.derived(w.relay(s).thenApply(w));
  }

  public static CompletionStage thenApplyAsync(CompletionStage s, Function f, int site) {
    if (unrecorded(s, f)) {
      return s.thenApplyAsync(f);
    }
    StageStep.Apply w = new StageStep.Apply(f, null, null, true, site);
    return w.derived(w.relay(s).thenApplyAsync(w));
  }

  public static CompletionStage thenApplyAsync(
      CompletionStage s, Function f, Executor e, int site) {
    if (unrecorded(s, f, e)) {
      return s.thenApplyAsync(f, e);
    }
    StageStep.Apply w = new StageStep.Apply(f, null, e, true, site);
    return w.derived(w.relay(s).thenApplyAsync(w, e));
  }

  public static CompletionStage thenAccept(CompletionStage s, Consumer f, int site) {
    if (unrecorded(s, f)) {
      return s.thenAccept(f);
    }
    StageStep.Accept w = new StageStep.Accept(f, null, null, false, site);
    return w.derived(w.relay(s).thenAccept(w));
  }

  public static CompletionStage thenAcceptAsync(CompletionStage s, Consumer f, int site) {
    if (unrecorded(s, f)) {
      return s.thenAcceptAsync(f);
    }
    StageStep.Accept w = new StageStep.Accept(f, null, null, true, site);
    return w.derived(w.relay(s).thenAcceptAsync(w));
  }

  public static CompletionStage thenAcceptAsync(
      CompletionStage s, Consumer f, Executor e, int site) {
    if (unrecorded(s, f, e)) {
      return s.thenAcceptAsync(f, e);
    }
    StageStep.Accept w = new StageStep.Accept(f, null, e, true, site);
    return w.derived(w.relay(s).thenAcceptAsync(w, e));
  }

  public static CompletionStage thenRun(CompletionStage s, Runnable f, int site) {
    if (unrecorded(s, f)) {
      return s.thenRun(f);
    }
    StageStep.Run w = new StageStep.Run(f, null, false, site);
    return w.derived(w.relay(s).thenRun(w));
  }

  public static CompletionStage thenRunAsync(CompletionStage s, Runnable f, int site) {
    if (unrecorded(s, f)) {
      return s.thenRunAsync(f);
    }
    StageStep.Run w = new StageStep.Run(f, null, true, site);
    return w.derived(w.relay(s).thenRunAsync(w));
  }

  public static CompletionStage thenRunAsync(CompletionStage s, Runnable f, Executor e, int site) {
    if (unrecorded(s, f, e)) {
      return s.thenRunAsync(f, e);
    }
    StageStep.Run w = new StageStep.Run(f, e, true, site);
    return w.derived(w.relay(s).thenRunAsync(w, e));
  }

  public static CompletionStage thenCompose(CompletionStage s, Function f, int site) {
    if (unrecorded(s, f)) {
      return s.thenCompose(f);
    }
    StageStep.Compose w = new StageStep.Compose(f, null, null, false, site);
    return w.derived(w.relay(s).thenCompose(w));
  }

  public static CompletionStage thenComposeAsync(CompletionStage s, Function f, int site) {
    if (unrecorded(s, f)) {
      return s.thenComposeAsync(f);
    }
    StageStep.Compose w = new StageStep.Compose(f, null, null, true, site);
    return w.derived(w.relay(s).thenComposeAsync(w));
  }

  public static CompletionStage thenComposeAsync(
      CompletionStage s, Function f, Executor e, int site) {
    if (unrecorded(s, f, e)) {
      return s.thenComposeAsync(f, e);
    }
    StageStep.Compose w = new StageStep.Compose(f, null, e, true, site);
    return w.derived(w.relay(s).thenComposeAsync(w, e));
  }

  public static CompletionStage handle(CompletionStage s, BiFunction f, int site) {
    if (unrecorded(s, f)) {
      return s.handle(f);
    }
    StageStep.BiApply w = new StageStep.BiApply(f, s, null, false, site);
    return w.derived(s.handle(w));
  }

  public static CompletionStage handleAsync(CompletionStage s, BiFunction f, int site) {
    if (unrecorded(s, f)) {
      return s.handleAsync(f);
    }
    StageStep.BiApply w = new StageStep.BiApply(f, s, null, true, site);
    return w.derived(s.handleAsync(w));
  }

  public static CompletionStage handleAsync(CompletionStage s, BiFunction f, Executor e, int site) {
    if (unrecorded(s, f, e)) {
      return s.handleAsync(f, e);
    }
    StageStep.BiApply w = new StageStep.BiApply(f, s, e, true, site);
    return w.derived(s.handleAsync(w, e));
  }

  public static CompletionStage whenComplete(CompletionStage s, BiConsumer f, int site) {
    if (unrecorded(s, f)) {
      return s.whenComplete(f);
    }
    StageStep.BiAccept w = new StageStep.BiAccept(f, s, null, false, site);
    return w.derived(s.whenComplete(w));
  }

  public static CompletionStage whenCompleteAsync(CompletionStage s, BiConsumer f, int site) {
    if (unrecorded(s, f)) {
      return s.whenCompleteAsync(f);
    }
    StageStep.BiAccept w = new StageStep.BiAccept(f, s, null, true, site);
    return w.derived(s.whenCompleteAsync(w));
  }

  public static CompletionStage whenCompleteAsync(
      CompletionStage s, BiConsumer f, Executor e, int site) {
    if (unrecorded(s, f, e)) {
      return s.whenCompleteAsync(f, e);
    }
    StageStep.BiAccept w = new StageStep.BiAccept(f, s, e, true, site);
    return w.derived(s.whenCompleteAsync(w, e));
  }

  public static CompletionStage exceptionally(CompletionStage s, Function f, int site) {
    if (unrecorded(s, f)) {
      return s.exceptionally(f);
    }
    StageStep.Exceptionally w = new StageStep.Exceptionally(f, s, site);
    return w.derived(s.handle(w));
  }

  /**
   * {@code exceptionallyAsync} (Java 12+) runs its function on an executor only when the source
   * failed, and completes at once with the source's value otherwise (a {@code handle} would not):
   * so the derived future is followed by a relay of the source's completion into the step's channel
   * ({@link StageStep#relayedAfter}: it completes as the derived future did, whose failures are
   * already wrapped), which covers the skip.
   */
  public static CompletionStage exceptionallyAsync(CompletionStage s, Function f, int site) {
    if (unrecorded(s, f)) {
      return s.exceptionallyAsync(f);
    }
    StageStep.Apply w = new StageStep.Apply(f, s, null, true, site);
    return w.derived(w.relayedAfter(s.exceptionallyAsync(w), s));
  }

  public static CompletionStage exceptionallyAsync(
      CompletionStage s, Function f, Executor e, int site) {
    if (unrecorded(s, f, e)) {
      return s.exceptionallyAsync(f, e);
    }
    StageStep.Apply w = new StageStep.Apply(f, s, e, true, site);
    return w.derived(w.relayedAfter(s.exceptionallyAsync(w, e), s));
  }

  /** {@code exceptionallyCompose} (Java 12+): as {@link #exceptionallyAsync}. */
  public static CompletionStage exceptionallyCompose(CompletionStage s, Function f, int site) {
    if (unrecorded(s, f)) {
      return s.exceptionallyCompose(f);
    }
    StageStep.Compose w = new StageStep.Compose(f, s, null, false, site);
    return w.derived(w.relayedAfter(s.exceptionallyCompose(w), s));
  }

  public static CompletionStage exceptionallyComposeAsync(CompletionStage s, Function f, int site) {
    if (unrecorded(s, f)) {
      return s.exceptionallyComposeAsync(f);
    }
    StageStep.Compose w = new StageStep.Compose(f, s, null, true, site);
    return w.derived(w.relayedAfter(s.exceptionallyComposeAsync(w), s));
  }

  public static CompletionStage exceptionallyComposeAsync(
      CompletionStage s, Function f, Executor e, int site) {
    if (unrecorded(s, f, e)) {
      return s.exceptionallyComposeAsync(f, e);
    }
    StageStep.Compose w = new StageStep.Compose(f, s, e, true, site);
    return w.derived(w.relayedAfter(s.exceptionallyComposeAsync(w, e), s));
  }

  /**
   * {@code allOf}: each future followed by a relay into one channel, of which the result is an
   * alias; it completes after all of them, as without the relays.
   */
  public static CompletableFuture allOf(CompletableFuture[] fs, int site) {
    if (!relayable(fs)) {
      return CompletableFuture.allOf(fs);
    }
    CompletableFuture[] relayed = new CompletableFuture[fs.length];
    for (int i = 0; i < fs.length; i++) {
      relayed[i] = (CompletableFuture) StageStep.relayed(fs[i], relayed, site);
    }
    CompletableFuture all = CompletableFuture.allOf(relayed);
    HandoffHooks.alias(all, relayed);
    return all;
  }

  /**
   * {@code anyOf}: the first of the futures to complete ({@link FirstOf}), so that its waits
   * receive the completion it took, not those of the others that completed too.
   */
  public static CompletableFuture anyOf(CompletableFuture[] fs, int site) {
    return relayable(fs) ? FirstOf.of(fs, site) : CompletableFuture.anyOf(fs);
  }

  /**
   * Whether {@code fs}' completions are followed: something records, and none is null (the call
   * throws for it, before any relay is added) or of a class of the program's own.
   */
  private static boolean relayable(CompletableFuture[] fs) {
    if (Hooks.sink == null || fs == null) {
      return false;
    }
    for (CompletableFuture f : fs) {
      if (StageStep.foreign(f)) {
        return false;
      }
    }
    return true;
  }

  /** {@code completeAsync} (Java 9+): the supplier's end sends on the future it completes. */
  public static CompletableFuture completeAsync(CompletableFuture f, Supplier s, int site) {
    if (unrecorded(f, s)) {
      return f.completeAsync(s);
    }
    return f.completeAsync(new TracedSupplier<>(s, site, null, f));
  }

  public static CompletableFuture completeAsync(
      CompletableFuture f, Supplier s, Executor e, int site) {
    if (unrecorded(f, s, e)) {
      return f.completeAsync(s, e);
    }
    return f.completeAsync(new TracedSupplier<>(s, site, TracedTask.service(e), f), e);
  }

  /**
   * {@code toCompletableFuture}: a stage that is not a {@code CompletableFuture} itself (a {@code
   * minimalCompletionStage}) gives a new one that completes with it, from now on an alias of it.
   */
  public static CompletableFuture toCompletableFuture(CompletionStage s, int site) {
    return sameCompletion(s.toCompletableFuture(), s);
  }

  /** {@code minimalCompletionStage} (Java 9+): a new stage that completes with the future. */
  public static CompletionStage minimalCompletionStage(CompletableFuture f, int site) {
    return sameCompletion(f.minimalCompletionStage(), f);
  }

  /** {@code copy} (Java 9+): a new future that completes with this one. */
  public static CompletableFuture copy(CompletableFuture f, int site) {
    return sameCompletion(f.copy(), f);
  }

  /** {@code made}, from now on an alias of {@code stage}, which it completes with. */
  private static <S> S sameCompletion(S made, Object stage) {
    if (made != stage) {
      HandoffHooks.alias(made, stage);
    }
    return made;
  }

  /**
   * {@code getNow}: a future seen done hands over its completion, as {@code join} does (seen done
   * after the call: one that completed during it may have returned its value).
   */
  public static Object getNow(CompletableFuture f, Object absent, int site) {
    Object v = f.getNow(absent);
    if (f.isDone()) {
      HandoffHooks.received(f, HandoffKind.FUTURE, site);
    }
    return v;
  }
}
