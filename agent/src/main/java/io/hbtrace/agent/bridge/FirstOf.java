package io.hbtrace.agent.bridge;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * A future completed as the first of some stages that completes ({@code anyOf}, and the source of
 * the {@code *Either} stages), with the value or failure that stage completed with (a failure
 * wrapped in a {@code CompletionException}, as {@code anyOf} and the either stages wrap it); the
 * first of them already complete, in order, when it is made. The one source that completes it, and
 * only that one, sends on it before completing it, so what waits for it, or a step made on it,
 * receives that source's completion alone, not that of the others that completed too (the JDK's
 * guarantee: only the completion that was taken happens before).
 */
final class FirstOf implements BiConsumer<Object, Throwable> {
  private final StageStep.Relay relay; // the source's completion into the first's channel
  private final CompletableFuture<Object> first;
  private final AtomicBoolean taken;

  private FirstOf(
      CompletionStage<?> source, CompletableFuture<Object> first, AtomicBoolean taken, int site) {
    this.relay = new StageStep.Relay(source, first, site);
    this.first = first;
    this.taken = taken;
  }

  /**
   * The first of {@code sources} to complete; each gains one dependent (a {@code whenComplete}).
   */
  static CompletableFuture<Object> of(CompletionStage<?>[] sources, int site) {
    CompletableFuture<Object> first = new CompletableFuture<>();
    AtomicBoolean taken = new AtomicBoolean();
    for (CompletionStage<?> s : sources) {
      s.whenComplete(new FirstOf(s, first, taken, site));
    }
    return first;
  }

  /**
   * The first of {@code s} and {@code o}, of {@code s}'s kind: a {@code CompletableFuture}, or the
   * minimal stage {@code minimalCompletionStage} makes, whose dependent stages are minimal too.
   */
  static CompletionStage<Object> either(CompletionStage<?> s, CompletionStage<?> o, int site) {
    CompletableFuture<Object> first = of(new CompletionStage<?>[] {s, o}, site);
    if (s.getClass() == CompletableFuture.class) {
      return first;
    }
    CompletionStage<Object> minimal = first.minimalCompletionStage();
    HandoffHooks.alias(minimal, first); // completes with it, so receives what it was sent
    return minimal;
  }

  @Override
  public void accept(Object value, Throwable failure) {
    if (!taken.compareAndSet(false, true)) {
      return;
    }
    relay.accept(value, failure);
    if (failure == null) {
      first.complete(value);
    } else {
      first.completeExceptionally(
          failure instanceof CompletionException ? failure : new CompletionException(failure));
    }
  }
}
