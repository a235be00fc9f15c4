package io.hbtrace.agent.bridge;

import static io.hbtrace.agent.bridge.StageStep.foreign;
import static io.hbtrace.agent.bridge.StageStep.unrecorded;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hooks for the dependent stages on two stages ({@code thenCombine}, {@code thenAcceptBoth}, {@code
 * runAfterBoth}, and the {@code *Either} forms). Both sources of a {@code *Both} form are relayed
 * into the step's channel, as in {@link StageHooks}; an either form is made as the one-source stage
 * on the first of the two to complete ({@link FirstOf}), so that its step receives the completion
 * it took and not the other's. The rules in {@link Hooks}' comment hold here too.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class BothStageHooks {

  private BothStageHooks() {}

  public static CompletionStage thenCombine(
      CompletionStage s, CompletionStage o, BiFunction f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.thenCombine(o, f);
    }
    StageStep.BiApply w = new StageStep.BiApply(f, null, null, false, site);
    return w.derived(w.relay(s).thenCombine(w.relay(o), w));
  }

  public static CompletionStage thenCombineAsync(
      CompletionStage s, CompletionStage o, BiFunction f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.thenCombineAsync(o, f);
    }
    StageStep.BiApply w = new StageStep.BiApply(f, null, null, true, site);
    return w.derived(w.relay(s).thenCombineAsync(w.relay(o), w));
  }

  public static CompletionStage thenCombineAsync(
      CompletionStage s, CompletionStage o, BiFunction f, Executor e, int site) {
    if (unrecorded(s, f, e) || foreign(o)) {
      return s.thenCombineAsync(o, f, e);
    }
    StageStep.BiApply w = new StageStep.BiApply(f, null, e, true, site);
    return w.derived(w.relay(s).thenCombineAsync(w.relay(o), w, e));
  }

  public static CompletionStage thenAcceptBoth(
      CompletionStage s, CompletionStage o, BiConsumer f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.thenAcceptBoth(o, f);
    }
    StageStep.BiAccept w = new StageStep.BiAccept(f, null, null, false, site);
    return w.derived(w.relay(s).thenAcceptBoth(w.relay(o), w));
  }

  public static CompletionStage thenAcceptBothAsync(
      CompletionStage s, CompletionStage o, BiConsumer f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.thenAcceptBothAsync(o, f);
    }
    StageStep.BiAccept w = new StageStep.BiAccept(f, null, null, true, site);
    return w.derived(w.relay(s).thenAcceptBothAsync(w.relay(o), w));
  }

  public static CompletionStage thenAcceptBothAsync(
      CompletionStage s, CompletionStage o, BiConsumer f, Executor e, int site) {
    if (unrecorded(s, f, e) || foreign(o)) {
      return s.thenAcceptBothAsync(o, f, e);
    }
    StageStep.BiAccept w = new StageStep.BiAccept(f, null, e, true, site);
    return w.derived(w.relay(s).thenAcceptBothAsync(w.relay(o), w, e));
  }

  public static CompletionStage runAfterBoth(
      CompletionStage s, CompletionStage o, Runnable f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.runAfterBoth(o, f);
    }
    StageStep.Run w = new StageStep.Run(f, null, false, site);
    return w.derived(w.relay(s).runAfterBoth(w.relay(o), w));
  }

  public static CompletionStage runAfterBothAsync(
      CompletionStage s, CompletionStage o, Runnable f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.runAfterBothAsync(o, f);
    }
    StageStep.Run w = new StageStep.Run(f, null, true, site);
    return w.derived(w.relay(s).runAfterBothAsync(w.relay(o), w));
  }

  public static CompletionStage runAfterBothAsync(
      CompletionStage s, CompletionStage o, Runnable f, Executor e, int site) {
    if (unrecorded(s, f, e) || foreign(o)) {
      return s.runAfterBothAsync(o, f, e);
    }
    StageStep.Run w = new StageStep.Run(f, e, true, site);
    return w.derived(w.relay(s).runAfterBothAsync(w.relay(o), w, e));
  }

  public static CompletionStage applyToEither(
      CompletionStage s, CompletionStage o, Function f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.applyToEither(o, f);
    }
    CompletionStage first = FirstOf.either(s, o, site);
    StageStep.Apply w = new StageStep.Apply(f, first, null, false, site);
    return w.derived(first.thenApply(w));
  }

  public static CompletionStage applyToEitherAsync(
      CompletionStage s, CompletionStage o, Function f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.applyToEitherAsync(o, f);
    }
    CompletionStage first = FirstOf.either(s, o, site);
    StageStep.Apply w = new StageStep.Apply(f, first, null, true, site);
    return w.derived(first.thenApplyAsync(w));
  }

  public static CompletionStage applyToEitherAsync(
      CompletionStage s, CompletionStage o, Function f, Executor e, int site) {
    if (unrecorded(s, f, e) || foreign(o)) {
      return s.applyToEitherAsync(o, f, e);
    }
    CompletionStage first = FirstOf.either(s, o, site);
    StageStep.Apply w = new StageStep.Apply(f, first, e, true, site);
    return w.derived(first.thenApplyAsync(w, e));
  }

  public static CompletionStage acceptEither(
      CompletionStage s, CompletionStage o, Consumer f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.acceptEither(o, f);
    }
    CompletionStage first = FirstOf.either(s, o, site);
    StageStep.Accept w = new StageStep.Accept(f, first, null, false, site);
    return w.derived(first.thenAccept(w));
  }

  public static CompletionStage acceptEitherAsync(
      CompletionStage s, CompletionStage o, Consumer f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.acceptEitherAsync(o, f);
    }
    CompletionStage first = FirstOf.either(s, o, site);
    StageStep.Accept w = new StageStep.Accept(f, first, null, true, site);
    return w.derived(first.thenAcceptAsync(w));
  }

  public static CompletionStage acceptEitherAsync(
      CompletionStage s, CompletionStage o, Consumer f, Executor e, int site) {
    if (unrecorded(s, f, e) || foreign(o)) {
      return s.acceptEitherAsync(o, f, e);
    }
    CompletionStage first = FirstOf.either(s, o, site);
    StageStep.Accept w = new StageStep.Accept(f, first, e, true, site);
    return w.derived(first.thenAcceptAsync(w, e));
  }

  public static CompletionStage runAfterEither(
      CompletionStage s, CompletionStage o, Runnable f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.runAfterEither(o, f);
    }
    CompletionStage first = FirstOf.either(s, o, site);
    StageStep.Run w = new StageStep.Run(f, first, null, false, site);
    return w.derived(first.thenRun(w));
  }

  public static CompletionStage runAfterEitherAsync(
      CompletionStage s, CompletionStage o, Runnable f, int site) {
    if (unrecorded(s, f) || foreign(o)) {
      return s.runAfterEitherAsync(o, f);
    }
    CompletionStage first = FirstOf.either(s, o, site);
    StageStep.Run w = new StageStep.Run(f, first, null, true, site);
    return w.derived(first.thenRunAsync(w));
  }

  public static CompletionStage runAfterEitherAsync(
      CompletionStage s, CompletionStage o, Runnable f, Executor e, int site) {
    if (unrecorded(s, f, e) || foreign(o)) {
      return s.runAfterEitherAsync(o, f, e);
    }
    CompletionStage first = FirstOf.either(s, o, site);
    StageStep.Run w = new StageStep.Run(f, first, e, true, site);
    return w.derived(first.thenRunAsync(w, e));
  }
}
