package io.hbtrace.samplefs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleFsMainTest {
  @Test
  void helpListsTheCommands() {
    Cli r = Cli.run("--help");
    assertThat(r.status).isZero();
    assertThat(r.out)
        .contains("dio-invalidate-cache")
        .contains("generic-418")
        .contains("crash-consistency");
  }

  @Test
  void noCommandIsAUsageError() {
    Cli r = Cli.run();
    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).isEqualTo(1);
  }

  @Test
  void unknownCommandIsAUsageError() {
    Cli r = Cli.run("frobnicate");
    assertThat(r.status).isEqualTo(2);
    assertThat(r.errLines()).isEqualTo(1);
  }
}
