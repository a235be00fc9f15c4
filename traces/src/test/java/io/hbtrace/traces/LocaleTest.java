package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static io.hbtrace.traces.Traces.rec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A trace recorded by a JVM in one locale reads back in another: the recorded program and the
 * analyzer seldom share one, and a queue's file names must not depend on it (Chronicle's weekly
 * roll cycle names files by locale-dependent week numbers).
 */
class LocaleTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({"de-DE, en-US", "en-US, de-DE", "en-GB, en", "fr-FR, ja-JP"})
  void recordedInOneLocaleReadsInAnother(String writerLocale, String readerLocale)
      throws Exception {
    Path dir = tmp.resolve("t");
    Locale before = Locale.getDefault(Locale.Category.FORMAT);
    try {
      Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag(writerLocale));
      try (TraceWriter w = TraceWriter.create(dir, START)) {
        for (int i = 0; i < 100; i++) {
          rec(w, EventKind.SIZE_UPDATE, 0, 7, i, i + 1);
        }
      }
      Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag(readerLocale));
      try (TraceReader r = TraceReader.open(dir)) {
        int n = 0;
        while (r.next() != null) {
          n++;
        }
        assertThat(n).isEqualTo(100);
        assertThat(r.truncated()).isFalse();
      }
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, before);
    }
  }
}
