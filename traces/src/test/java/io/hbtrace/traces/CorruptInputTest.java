package io.hbtrace.traces;

import static io.hbtrace.traces.Traces.START;
import static io.hbtrace.traces.Traces.rec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.traces.event.EventKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.stream.Stream;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gets its own problem and a one-line message naming the path. */
class CorruptInputTest {
  /** A field value whose zigzag varint is easy to find in the file: 0xA5A5A5A5A5 * 2. */
  private static final long MARKER = 0x52D2D2D2D2L;

  @TempDir Path tmp;

  private static TraceException failure(Path p) {
    try (TraceReader r = TraceReader.open(p)) {
      while (r.next() != null) {
        // read to the end: damage may sit anywhere
      }
    } catch (TraceException e) {
      return e;
    }
    throw new AssertionError("no TraceException for " + p);
  }

  private static void expect(Path p, Problem problem, String words) {
    TraceException e = failure(p);
    assertThat(e.problem()).as(e.getMessage()).isEqualTo(problem);
    assertThat(e.getMessage()).doesNotContain("\n").startsWith(p.toString()).contains(words);
  }

  private Path goodTrace(String name, int events) throws TraceException {
    Path dir = tmp.resolve(name);
    try (TraceWriter w =
        TraceWriter.create(dir, START, WriterOptions.defaults().withBlockSize(1 << 20))) {
      for (int i = 0; i < events; i++) {
        rec(w, EventKind.DISK_WRITE, 0, 1, MARKER, i);
      }
    }
    return dir;
  }

  private static Path queueFile(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
    }
  }

  @Test
  void missingPath() {
    expect(tmp.resolve("nope"), Problem.NOT_FOUND, "no such file or directory");
  }

  @Test
  void emptyDirectory() throws Exception {
    Path d = Files.createDirectory(tmp.resolve("empty"));
    expect(d, Problem.EMPTY, "empty directory");
  }

  @Test
  void emptyFile() throws Exception {
    Path f = Files.createFile(tmp.resolve("empty.hbt"));
    expect(f, Problem.EMPTY, "empty file");
  }

  @Test
  void directoryOfOtherFiles() throws Exception {
    Path d = Files.createDirectory(tmp.resolve("other"));
    Files.writeString(d.resolve("notes.txt"), "hello");
    Files.createDirectory(d.resolve("sub"));
    expect(d, Problem.NOT_A_TRACE, "no Chronicle queue files");
  }

  @Test
  void fileOfRandomBytes() throws Exception {
    byte[] junk = new byte[4096];
    new Random(1).nextBytes(junk);
    Path f = Files.write(tmp.resolve("random.bin"), junk);
    expect(f, Problem.NOT_A_TRACE, "neither a trace directory nor a packed trace file");
  }

  @Test
  void anotherProgramsChronicleQueue() throws Exception {
    Path d = tmp.resolve("foreign");
    try (SingleChronicleQueue q = SingleChronicleQueueBuilder.single(d.toFile()).build();
        ExcerptAppender a = q.createAppender()) {
      try (DocumentContext dc = a.writingDocument()) {
        dc.wire().write("price").float64(1.5).write("qty").int32(3);
      }
    }
    expect(d, Problem.NOT_A_TRACE, "first record is not an hbtrace START record");
  }

  @Test
  void unknownMajorVersion() throws Exception {
    Path d = tmp.resolve("v2");
    Files.createDirectories(d);
    DocBuilder start = new DocBuilder(Format.START).bytes(Format.MAGIC).uvarint(2).uvarint(0);
    try (ChronicleSink sink = new ChronicleSink(d, 1 << 20, SystemTimeProvider.INSTANCE)) {
      sink.write(start.string("future").finish());
    }
    expect(d, Problem.UNSUPPORTED_VERSION, "format 2.0; this reader reads format 1.x");
  }

  @Test
  void halfInitialisedQueueWithoutQueueFile() throws Exception {
    Path d = goodTrace("half", 10);
    Files.delete(queueFile(d));
    expect(d, Problem.HALF_INITIALISED, "no queue file");
  }

  @Test
  void aDirectoryClaimedByAWriterThatWroteNothingIsHalfInitialised() throws Exception {
    Path d = Files.createDirectory(tmp.resolve("claimed"));
    Files.createFile(d.resolve(TraceWriter.CLAIM));
    expect(d, Problem.HALF_INITIALISED, "a writer claimed the directory and wrote nothing");
  }

  @Test
  void halfInitialisedQueueWithEmptyFiles() throws Exception {
    Path d = Files.createDirectory(tmp.resolve("half0"));
    Files.createFile(d.resolve("metadata.cq4t"));
    Files.createFile(d.resolve("20261124.cq4"));
    expect(d, Problem.HALF_INITIALISED, "metadata.cq4t missing or empty");
    Files.write(d.resolve("metadata.cq4t"), goodMetadata());
    expect(d, Problem.HALF_INITIALISED, "is empty");
  }

  private byte[] goodMetadata() throws Exception {
    return Files.readAllBytes(goodTrace("meta-source", 1).resolve("metadata.cq4t"));
  }

  @Test
  void queueWithoutRecords() throws Exception {
    Path d = tmp.resolve("norecords");
    try (SingleChronicleQueue q = SingleChronicleQueueBuilder.single(d.toFile()).build();
        ExcerptAppender a = q.createAppender()) {
      try (DocumentContext dc = a.writingDocument(true)) { // metadata only: no data record
        dc.wire().write("note").text("not a record");
      }
    }
    TraceException e = failure(d);
    assertThat(e.problem()).as(e.getMessage()).isIn(Problem.HALF_INITIALISED);
  }

  @Test
  void flippedByteInsideABatch() throws Exception {
    Path d = goodTrace("flip", 20_000);
    Path q = queueFile(d);
    long at = find(q, zigzagVarint(MARKER), 50_000);
    flip(q, at + 1);
    expect(d, Problem.CORRUPT, "checksum mismatch");
  }

  @Test
  void flippedByteInStartRecord() throws Exception {
    Path d = goodTrace("flipstart", 10);
    Path q = queueFile(d);
    long at = find(q, Format.MAGIC, 0);
    flip(q, at + Format.MAGIC.length + 4);
    TraceException e = failure(d);
    assertThat(e.problem()).isEqualTo(Problem.CORRUPT);
    assertThat(e.getMessage()).contains("checksum mismatch");
  }

  @Test
  void truncatedQueueFile() throws Exception {
    Path d = goodTrace("trunc", 200_000);
    Path q = queueFile(d);
    long at = find(q, zigzagVarint(MARKER), 600_000);
    try (FileChannel ch = FileChannel.open(q, StandardOpenOption.WRITE)) {
      ch.truncate(at);
    }
    expect(d, Problem.CORRUPT, "not whole pages: the file was truncated");
  }

  @Test
  void truncatedQueueFileAtAPageBoundary() throws Exception {
    Path d = goodTrace("truncpage", 200_000);
    Path q = queueFile(d);
    long at = find(q, zigzagVarint(MARKER), 600_000) / 4096 * 4096;
    try (FileChannel ch = FileChannel.open(q, StandardOpenOption.WRITE)) {
      ch.truncate(at);
    }
    expect(d, Problem.CORRUPT, "the file was truncated");
  }

  @Test
  void queueFileOfRandomBytes() throws Exception {
    Path d = goodTrace("randomq", 10);
    Path q = queueFile(d);
    byte[] junk = new byte[(int) Files.size(q)];
    new Random(7).nextBytes(junk);
    Files.write(q, junk);
    expect(d, Problem.CORRUPT, "does not start with a Chronicle store header");
  }

  private static byte[] zigzagVarint(long v) {
    byte[] b = new byte[10];
    int n = Format.putSvarint(b, 0, v);
    return java.util.Arrays.copyOf(b, n);
  }

  /** Offset of the first occurrence of {@code pattern} at or after {@code from}. */
  static long find(Path file, byte[] pattern, long from) throws IOException {
    byte[] all = Files.readAllBytes(file);
    outer:
    for (int i = (int) from; i <= all.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (all[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("pattern not found in " + file);
  }

  static void flip(Path file, long at) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.allocate(1);
      ch.read(b, at);
      b.put(0, (byte) (b.get(0) ^ 0x10));
      b.rewind();
      ch.write(b, at);
    }
  }
}
