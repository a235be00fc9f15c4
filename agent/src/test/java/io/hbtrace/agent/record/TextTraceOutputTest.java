package io.hbtrace.agent.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextTraceOutputTest {
  @TempDir Path tmp;

  /** Of two text traces started on one directory, the second is refused, not mixed in. */
  @Test
  void aSecondTextTraceInOneDirectoryIsRefused() throws Exception {
    StartInfo start = new StartInfo("test", "1", "Main", List.of(), Map.of());
    TextTraceOutput first = new TextTraceOutput(tmp, start);
    assertThatThrownBy(() -> new TextTraceOutput(tmp, start))
        .isInstanceOf(FileAlreadyExistsException.class);
    first.close();
    assertThat(Files.readString(tmp.resolve("trace.txt"))).startsWith("start test 1 Main");
  }
}
