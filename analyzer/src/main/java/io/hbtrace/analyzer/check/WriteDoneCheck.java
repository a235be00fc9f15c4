package io.hbtrace.analyzer.check;

import io.hbtrace.analyzer.state.WriteOp;
import io.hbtrace.traces.event.DioComplete;
import io.hbtrace.traces.event.DioWriteEnd;
import io.hbtrace.traces.event.EventKind;
import java.util.EnumSet;
import java.util.Set;

/**
 * A check made when a direct write is over: on the DIO_WRITE_END or DIO_COMPLETE event that
 * finished it (returned, and completed if its completion was not waited for; {@code
 * DomainState.justDone}).
 */
abstract class WriteDoneCheck implements Check {
  final CheckContext ctx;

  WriteDoneCheck(CheckContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Set<EventKind> kinds() {
    return EnumSet.of(EventKind.DIO_WRITE_END, EventKind.DIO_COMPLETE);
  }

  @Override
  public final void onDioWriteEnd(DioWriteEnd e) {
    check(ctx.domain.justDone());
  }

  @Override
  public final void onDioComplete(DioComplete e) {
    check(ctx.domain.justDone());
  }

  /** Checks {@code w}, the write the current event finished, or null if it finished none. */
  abstract void check(WriteOp w);
}
