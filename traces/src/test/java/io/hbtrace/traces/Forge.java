package io.hbtrace.traces;

import java.nio.file.Files;
import java.nio.file.Path;
import net.openhft.chronicle.core.time.SystemTimeProvider;

/** Writes hand-made records into a Chronicle queue, for traces the real writer never produces. */
final class Forge implements AutoCloseable {
  private final ChronicleSink sink;

  Forge(Path dir, int minor) throws Exception {
    Files.createDirectories(dir);
    sink = new ChronicleSink(dir, 1 << 20, SystemTimeProvider.INSTANCE);
    DocBuilder d = new DocBuilder(Format.START).bytes(Format.MAGIC).uvarint(1).uvarint(minor);
    d.string("forge").string("1").string("Main").uvarint(0).uvarint(0);
    d.string("jvm").uvarint(1).svarint(0).svarint(0).string("seq").uvarint(4096).uvarint(0);
    d.uvarint(0);
    sink.write(d.finish());
  }

  Forge thread(int tid) {
    sink.write(new DocBuilder(Format.THREAD).uvarint(tid).svarint(tid).string("t" + tid).finish());
    return this;
  }

  Forge doc(DocBuilder d) {
    sink.write(d.finish());
    return this;
  }

  /** A batch of JOURNAL_START events with these seqs ({@code prev}: the thread's last seq). */
  Forge batch(int tid, long batchNo, long prev, long... seqs) {
    DocBuilder d = new DocBuilder(Format.BATCH).uvarint(tid).uvarint(batchNo).uvarint(seqs.length);
    for (long s : seqs) {
      d.bytes(new byte[] {56}).uvarint(s - prev - 1).uvarint(0).svarint(s);
      prev = s;
    }
    return doc(d);
  }

  static long[] range(long from, long to) {
    long[] r = new long[(int) (to - from)];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  @Override
  public void close() {
    sink.close();
  }
}
