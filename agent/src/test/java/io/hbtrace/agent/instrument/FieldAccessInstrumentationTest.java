package io.hbtrace.agent.instrument;

import static io.hbtrace.traces.event.EventKind.VOLATILE_READ;
import static io.hbtrace.traces.event.EventKind.VOLATILE_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.Instrumented;
import io.hbtrace.agent.testing.MemoryTraceOutput.Ev;
import io.hbtrace.agenttest.FieldPrograms;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldAccessInstrumentationTest {
  private static final String C = "io.hbtrace.agenttest.FieldPrograms";

  @Test
  void namedVolatileAndAtomicFieldsOfEveryShape() throws Throwable {
    String spec =
        "spec 1\n"
            + "volatile "
            + C
            + ".generation\n"
            + "volatile "
            + C
            + ".current\n"
            + "volatile "
            + C
            + ".ratio\n"
            + "atomic "
            + C
            + ".size\n"
            + "atomic "
            + C
            + ".name\n";
    try (Instrumented in = new Instrumented(spec)) {
      assertThat(in.call(FieldPrograms.class, "run")).isEqualTo(3L + 1 + 5 + 15 + 1 + 1);
      List<Ev> ev = in.out.events(VOLATILE_WRITE, VOLATILE_READ);
      List<String> described =
          ev.stream()
              .map(
                  e -> {
                    String f = in.out.string((int) e.f(0));
                    String v =
                        f.endsWith("ratio")
                            ? Double.toString(Double.longBitsToDouble(e.f(2)))
                            : f.endsWith("current") || f.endsWith("name") ? "obj" : "" + e.f(2);
                    return (e.kind() == VOLATILE_WRITE ? "W " : "R ")
                        + f.substring(f.lastIndexOf('.') + 1)
                        + " "
                        + v;
                  })
              .toList();
      assertThat(described)
          .containsExactly(
              "W generation 3",
              "R generation 3",
              "W current obj",
              "R current obj",
              "W ratio 0.5",
              "R ratio 0.5",
              "W size 10",
              "W size 15",
              "R size 10",
              "R size 15",
              "W name obj",
              "R name obj",
              "R name obj");
      // static field: owner 0; instance fields: the owner's identity
      assertThat(ev.get(0).f(1)).isZero();
      assertThat(ev.get(2).f(1)).isPositive().isEqualTo(ev.get(6).f(1));
    }
  }
}
