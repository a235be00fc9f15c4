package io.hbtrace.analyzer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, a user's program growing a size its spec maps to i_size from two threads under a
 * StampedLock: each optimistic read is converted to the write lock before the size is set (no
 * finding: the conversion is the lock's acquire), or only validated, and the size set with no lock
 * held (S5's unserialised updates: a validated read orders nothing before another thread's write).
 */
class StampedProgramTest {
  private static final String PROGRAM =
      """
      import java.util.concurrent.locks.StampedLock;

      public class Stamped {
      %s

        public static void main(String[] args) throws Exception {
          Sized s = new Sized();
          StampedLock l = new StampedLock();
          boolean converted = args[0].equals("converted");
          Runnable grow = () -> {
            for (int i = 0; i < 200; i++) {
              long stamp = l.tryOptimisticRead();
              long seen = s.size;
              if (converted) {
                long w = l.tryConvertToWriteLock(stamp);
                if (w == 0L) {
                  w = l.writeLock();
                }
                try {
                  s.publish(s.size + 1);
                } finally {
                  l.unlockWrite(w);
                }
              } else if (l.validate(stamp)) {
                s.publish(seen + 1);
              }
            }
          };
          Thread t = new Thread(grow);
          t.start();
          grow.run();
          t.join();
          System.out.println(converted ? s.size : "done");
        }
      }
      """
          .formatted(Recordings.SIZED_CLASS);

  @TempDir Path tmp;

  @Test
  void convertedOptimisticReadsSerialiseTheUpdates() throws Exception {
    Path trace =
        Recordings.recordProgram(tmp, "Stamped", PROGRAM, Recordings.SIZED_SPEC, "converted");
    assertThat(Recordings.findings(trace, 400)).isEmpty();
  }

  @Test
  void validatedReadsWithUnlockedUpdatesAreUnserialised() throws Exception {
    Path trace =
        Recordings.recordProgram(tmp, "Stamped", PROGRAM, Recordings.SIZED_SPEC, "validated");
    assertThat(Recordings.findings(trace, -1)).contains("s5 unserialised i_size updates");
  }
}
