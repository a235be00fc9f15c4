package io.hbtrace.agent.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hbtrace.traces.event.EventKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecParserTest {

  private static final String HEAD = "spec 1\n";

  @Test
  void parsesEveryDirective() throws Exception {
    Spec s =
        SpecParser.parse(
            "t.spec",
            "# comment\n"
                + "spec 1   # trailing comment\n"
                + "\n"
                + "include a.b.\n"
                + "exclude a.b.Skip\n"
                + "volatile a.b.C.size\n"
                + "atomic a.b.C$D.count\n"
                + "at exit a.b.C#w(J)V -> SIZE_UPDATE ino=this.ino oldSize=this.size@enter"
                + " newSize=arg0\n"
                + "at enter a.b.C#r -> SIZE_SAMPLE ino=arg1.mapping.host.ino index=0x10 size=-1\n"
                + "at exit a.b.C#<init> -> OBJECT_ROLE object=this.lock role=\"inode lock \\\"x\\\"\""
                + " owner=this.ino detail=thrown\n");
    assertThat(s.includes()).containsExactly("a.b.");
    assertThat(s.included("a.b.C")).isTrue();
    assertThat(s.included("a.b.Skip")).isFalse();
    assertThat(s.included("a.c.C")).isFalse();
    assertThat(s.volatileFields()).containsExactly("a.b.C.size");
    assertThat(s.atomicFields()).containsExactly("a.b.C$D.count");
    assertThat(s.tracepoints()).hasSize(3);
    Tracepoint w = s.tracepoints().get(0);
    assertThat(w.atExit()).isTrue();
    assertThat(w.kind()).isEqualTo(EventKind.SIZE_UPDATE);
    assertThat(w.matches("w", "(J)V")).isTrue();
    assertThat(w.matches("w", "(I)V")).isFalse();
    assertThat(w.fields().get(1).atEnter()).isTrue();
    assertThat(w.fields().get(1).hops()).containsExactly("size");
    Tracepoint r = s.tracepoints().get(1);
    assertThat(r.matches("r", "(Ljava/lang/Object;)V")).isTrue();
    assertThat(r.fields().get(0).hops()).containsExactly("mapping", "host", "ino");
    assertThat(r.fields().get(1).literal()).isEqualTo(16);
    assertThat(r.fields().get(2).literal()).isEqualTo(-1);
    Tracepoint c = s.tracepoints().get(2);
    assertThat(c.fields().get(1).text()).isEqualTo("inode lock \"x\"");
    assertThat(c.fields().get(3).base()).isEqualTo(Expr.Base.THROWN);
    assertThat(s.instruments("a.b.C")).isTrue();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "include a.| t.spec:1: expected 'spec 1' as the first line, found 'include'",
        "spec 2| t.spec:1: unsupported spec version '2' (this agent reads version 1)",
        "spec| t.spec:1: 'spec' takes one version number",
        "spec 1\\nspec 1| t.spec:2: 'spec' given twice",
        "spec 1\\nfrobnicate x| t.spec:2: unknown directive 'frobnicate' (expected include, exclude,"
            + " volatile, atomic or at)",
        "spec 1\\ninclude| t.spec:2: 'include' takes one class-name prefix, e.g. 'include"
            + " com.example.'",
        "spec 1\\nexclude 1a.| t.spec:2: bad class-name prefix '1a.'",
        "spec 1\\nvolatile Size| t.spec:2: bad field name 'Size' (expected Class.field)",
        "spec 1\\natomic| t.spec:2: 'atomic' takes one field, e.g. 'atomic"
            + " com.example.Segment.endOffset'",
        "spec 1\\nat| t.spec:2: expected 'enter', 'exit' or 'return' after 'at', found nothing",
        "spec 1\\nat during a.B#c| t.spec:2: expected 'enter', 'exit' or 'return' after 'at', found"
            + " 'during'",
        "spec 1\\nat exit| t.spec:2: expected Class#method after 'at exit'",
        "spec 1\\nat exit a.B.c -> FSYNC| t.spec:2: bad method reference 'a.B.c' (expected"
            + " Class#method or Class#method(descriptor))",
        "spec 1\\nat exit a.B#<clinit> -> FSYNC| t.spec:2: static initializers cannot be traced"
            + " ('a.B#<clinit>')",
        "spec 1\\nat exit a.B#c(Q)V -> FSYNC| t.spec:2: bad descriptor '(Q)V' in 'a.B#c(Q)V'",
        "spec 1\\nat exit a.B#c FSYNC| t.spec:2: expected '->' after 'a.B#c'",
        "spec 1\\nat exit a.B#c ->| t.spec:2: expected an event kind after '->'",
        "spec 1\\nat exit a.B#c -> fsync ino=1 result=2| t.spec:2: unknown event kind 'fsync' (kinds"
            + " are upper case: FSYNC)",
        "spec 1\\nat exit a.B#c -> NOPE| t.spec:2: unknown event kind 'NOPE'",
        "spec 1\\nat exit a.B#c -> FSYNC ino| t.spec:2: bad capture 'ino' (expected"
            + " field=expression)",
        "spec 1\\nat exit a.B#c -> FSYNC size=1| t.spec:2: unknown field 'size' for FSYNC (fields:"
            + " ino, result)",
        "spec 1\\nat exit a.B#c -> FSYNC ino=1 ino=2| t.spec:2: field 'ino' given twice",
        "spec 1\\nat exit a.B#c -> FSYNC ino=1| t.spec:2: missing field 'result' for FSYNC (fields:"
            + " ino, result)",
        "spec 1\\nat exit a.B#c -> FSYNC ino=that result=0| t.spec:2: field 'ino': unknown expression"
            + " 'that' (expected this, argN, return, thrown, a field chain on one of them, an"
            + " integer or \"text\")",
        "spec 1\\nat exit a.B#c -> FSYNC ino=this.a.b.c.d result=0| t.spec:2: field 'ino': more than"
            + " 3 field hops in 'this.a.b.c.d'",
        "spec 1\\nat exit a.B#c -> FSYNC ino=this..a result=0| t.spec:2: field 'ino': bad field hop ''"
            + " in 'this..a'",
        "spec 1\\nat enter a.B#c -> FSYNC ino=return result=0| t.spec:2: field 'ino': 'return' is"
            + " only available at exit",
        "spec 1\\nat exit a.B#c(J)V -> FSYNC ino=return result=0| t.spec:2: field 'ino': 'return'"
            + " used, but the method returns void",
        "spec 1\\nat enter a.B#c -> FSYNC ino=thrown result=0| t.spec:2: field 'ino': 'thrown' is"
            + " only available at exit",
        "spec 1\\nat exit a.B#c -> FSYNC ino=thrown.x result=0| t.spec:2: field 'ino': 'thrown' takes"
            + " no field hops (it is 1 if the method threw, else 0)",
        "spec 1\\nat enter a.B#c -> FSYNC ino=arg0@enter result=0| t.spec:2: field 'ino': '@enter'"
            + " is only meaningful in an exit tracepoint",
        "spec 1\\nat exit a.B#c -> FSYNC ino=arg0@exit result=0| t.spec:2: field 'ino': bad suffix"
            + " '@exit' (only '@enter' is known)",
        "spec 1\\nat exit a.B#c -> FSYNC ino=return@enter result=0| t.spec:2: field 'ino': 'return'"
            + " is only available at exit",
        "spec 1\\nat enter a.B#<init> -> FSYNC ino=this.ino result=0| t.spec:2: field 'ino': 'this'"
            + " is not available at entry of a constructor",
        "spec 1\\nat exit a.B#c(J)V -> FSYNC ino=arg1 result=0| t.spec:2: field 'ino': 'arg1' is out"
            + " of range: the method takes 1 argument(s)",
        "spec 1\\nat exit a.B#c -> FSYNC ino=12x result=0| t.spec:2: field 'ino': bad integer '12x'",
        "spec 1\\nat exit a.B#c -> FSYNC ino=\"a\"b result=0| t.spec:2: field 'ino': bad string"
            + " \"a\"b (text after the closing quote)",
        "spec 1\\nat exit a.B#c -> FSYNC ino=\"abc| t.spec:2: unterminated string",
        "spec 1\\nat exit a.B#c -> FSYNC ino=arg0 result=0\\nat exit a.B#c(J)V -> FSYNC ino=arg0"
            + " result=0| t.spec:3: records FSYNC at a.B#c(J)V again (as t.spec:2 does): each event"
            + " would be recorded twice",
      })
  void everyProblemIsOneLineNamingFileAndLine(String text, String message) {
    assertThatThrownBy(() -> SpecParser.parse("t.spec", text.replace("\\n", "\n")))
        .isInstanceOf(SpecException.class)
        .hasMessage(message.strip());
  }

  @Test
  void atReturnIsAnExitAtNormalReturnsOnly() throws Exception {
    Tracepoint t =
        SpecParser.parse("t.spec", "spec 1\nat return a.B#c -> JOURNAL_COMMIT txn=arg0.tid\n")
            .tracepoints()
            .get(0);
    assertThat(t.atExit()).isTrue();
    assertThat(t.normalExitOnly()).isTrue();
  }

  /** As editors save it: a UTF-8 byte-order mark, and Windows or old Mac line ends. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\uFEFFspec 1\ninclude a.\nvolatile a.B.size\n",
        "spec 1\r\ninclude a.\r\nvolatile a.B.size\r\n",
        "spec 1\rinclude a.\rvolatile a.B.size\r"
      })
  void aByteOrderMarkAndEveryLineEndAreRead(String text) throws Exception {
    Spec spec = SpecParser.parse("t.spec", text);
    assertThat(spec.included("a.C")).isTrue();
    assertThat(spec.volatileFields()).containsExactly("a.B.size");
  }

  @Test
  void emptySpecIsAnError() {
    assertThatThrownBy(() -> SpecParser.parse("t.spec", "# nothing\n"))
        .hasMessage("t.spec: empty spec (expected 'spec 1')");
  }

  @Test
  void loaderNamesMissingFilesAndUnknownBuiltins(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> SpecLoader.load(dir.resolve("none.spec").toString()))
        .hasMessage("spec file not found: " + dir.resolve("none.spec"));
    assertThatThrownBy(() -> SpecLoader.load(dir.toString()))
        .hasMessage("spec file " + dir + " is a directory");
    assertThatThrownBy(() -> SpecLoader.load("builtin:ext3"))
        .hasMessage("unknown built-in spec 'builtin:ext3' (built in: sample-fs)");
    Path bad = Files.writeString(dir.resolve("bad.spec"), "spec 1\nat exit X#y -> NOPE\n");
    assertThatThrownBy(() -> SpecLoader.load(bad.toString()))
        .hasMessage(bad + ":2: unknown event kind 'NOPE'");
    assertThat(SpecLoader.load("builtin:sample-fs").included("io.hbtrace.samplefs.inode.Inode"))
        .isTrue();
  }
}
