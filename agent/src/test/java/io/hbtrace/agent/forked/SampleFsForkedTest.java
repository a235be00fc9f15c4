package io.hbtrace.agent.forked;

import static io.hbtrace.traces.event.EventKind.DIO_WRITE_BEGIN;
import static io.hbtrace.traces.event.EventKind.LOCK_ACQUIRE;
import static io.hbtrace.traces.event.EventKind.LOCK_RELEASE;
import static io.hbtrace.traces.event.EventKind.OBJECT_ROLE;
import static io.hbtrace.traces.event.EventKind.SIZE_UPDATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.agent.testing.ForkedJvm;
import io.hbtrace.agent.testing.ForkedJvm.Jdk;
import io.hbtrace.agent.testing.ForkedJvm.Result;
import io.hbtrace.agent.testing.MemoryTraceOutput.Ev;
import io.hbtrace.agent.testing.ReadTrace;
import io.hbtrace.traces.event.DioFlags;
import io.hbtrace.traces.event.EventKind;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in spec on the real sample-fs workload ({@code java -jar sample-fs.jar
 * dio-invalidate-cache}), attached with {@code -javaagent} and no {@code spec=}, on Java 17 and 25.
 */
class SampleFsForkedTest {
  @TempDir Path tmp;

  static Stream<Jdk> jdks() {
    return ForkedJvm.jdks();
  }

  /**
   * Counts per kind (OBJECT_FREE aside, it depends on the GC) of a single-child, single-iteration
   * run with {@code --latency none}: completions run inline, so apart from the child thread started
   * and joined by main nothing runs concurrently and every count is fixed. (With a latency profile
   * the read completes on {@code blkdev-irq}, and how often the reader's wait loops go round
   * depends on timing.) Volatile events: i_size, the page flags the spec names (uptodate,
   * writeback, and PG_locked, set and cleared once by the read) and the named atomics (the direct
   * IO's reference count, the inode's count of direct IOs in flight), whose objects also get an
   * OBJECT_NEW each.
   */
  private static final Map<EventKind, Integer> SINGLE_CHILD = new EnumMap<>(EventKind.class);

  static {
    Object[] counts = {
      "LOCK_ACQUIRE", 49,
      "LOCK_RELEASE", 49,
      "THREAD_START", 1,
      "THREAD_JOIN", 1,
      "HANDOFF_SEND", 2,
      "HANDOFF_RECEIVE", 1,
      "VOLATILE_WRITE", 9,
      "VOLATILE_READ", 19,
      "OBJECT_NEW", 22,
      "OBJECT_ROLE", 10,
      "DIO_WRITE_BEGIN", 1,
      "DIO_WRITE_END", 1,
      "BUFFERED_READ_BEGIN", 1,
      "BUFFERED_READ_END", 1,
      "FSYNC", 1,
      "TRUNCATE_BEGIN", 1,
      "TRUNCATE_END", 1,
      "ORPHAN_ADD", 2,
      "ORPHAN_DEL", 2,
      "PAGE_INVALIDATE", 2,
      "BLOCK_ALLOC", 1,
      "DISK_WRITE", 1,
      "IO_COMPLETE", 1,
      "END_IO", 1,
      "DIO_COMPLETE", 1,
      "SIZE_UPDATE", 1,
      "DISKSIZE_UPDATE", 2,
      "JOURNAL_START", 5,
      "JOURNAL_COMMIT", 5,
      "PAGE_LOOKUP", 2,
      "PAGE_INSERT", 1,
      "SIZE_SAMPLE", 1,
      "BLOCK_FILL", 4,
      "PAGE_UPTODATE", 1,
      "SIZE_CLAMP", 1,
      "COPY_OUT", 1,
      "MOUNT", 1,
      "UNMOUNT", 1,
      "OP_BEGIN", 4,
      "OP_END", 4,
      "VERIFY", 1,
      "RUN_BEGIN", 1,
      "RUN_END", 1
    };
    for (int i = 0; i < counts.length; i += 2) {
      SINGLE_CHILD.put(EventKind.valueOf((String) counts[i]), (Integer) counts[i + 1]);
    }
  }

  /** Every acquire of a lock (in a mode) is matched by a release; page locks may cross threads. */
  static void assertLocksPairUp(List<Ev> events) {
    Map<String, Integer> held = new HashMap<>();
    for (Ev e : events) {
      if (e.kind() == LOCK_ACQUIRE || e.kind() == LOCK_RELEASE) {
        held.merge(e.f(0) + "/" + e.f(1), e.kind() == LOCK_ACQUIRE ? 1 : -1, Integer::sum);
      }
    }
    held.values().removeIf(v -> v == 0);
    assertThat(held).as("locks acquired and never released (lock/mode -> count)").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void builtinSpecRecordsEveryExpectedEventOfASingleChildRun(Jdk jdk) throws Exception {
    String[] args = {
      "--variant", "pre-fix", "-w", "-b", "1024", "-n", "1", "-i", "1", "--latency", "none"
    };
    Result plain = ForkedJvm.dioInvalidateCache(jdk, List.of(), args);
    Path out = tmp.resolve("trace");
    Result rec =
        ForkedJvm.dioInvalidateCache(jdk, List.of(ForkedJvm.javaagent("out=" + out)), args);
    assertThat(plain.exit()).as(plain.err()).isZero();
    assertThat(rec.exit()).as(rec.err()).isZero();
    assertThat(rec.out()).isEqualTo(plain.out()).isEqualTo("runs=1 failed=0\n");
    assertThat(rec.agentLines()).isEmpty();

    ReadTrace t = ReadTrace.read(out);
    assertThat(t.ended).isTrue();
    assertThat(t.start.mainClass()).startsWith("io.hbtrace.samplefs.");
    assertThat(t.start.arguments()).containsSubsequence("--variant", "pre-fix");
    assertThat(t.meta()).containsEntry("agent.spec", "builtin:sample-fs");
    Map<EventKind, Integer> counts = new EnumMap<>(EventKind.class);
    for (Ev e : t.events) {
      if (e.kind() != EventKind.OBJECT_FREE) {
        counts.merge(e.kind(), 1, Integer::sum);
      }
    }
    assertThat(counts).isEqualTo(SINGLE_CHILD);
    assertLocksPairUp(t.events);
    assertThat(t.events(LOCK_ACQUIRE)).hasSizeGreaterThanOrEqualTo(40);
    assertThat(t.events(EventKind.HANDOFF_RECEIVE)).isNotEmpty();

    Ev write = t.events(DIO_WRITE_BEGIN).get(0);
    assertThat(write.f(0)).isEqualTo(12); // the first inode
    assertThat(write.f(3) & DioFlags.EXTENDING).isNotZero();
    Ev size = t.events(SIZE_UPDATE).get(0);
    assertThat(List.of(size.f(0), size.f(1), size.f(2))).containsExactly(12L, 0L, 1024L);
    // the inode lock named by OBJECT_ROLE is the lock the write path takes
    long inodeLock =
        t.events(OBJECT_ROLE).stream()
            .filter(e -> "inode_lock".equals(t.string((int) e.f(1))))
            .findFirst()
            .orElseThrow()
            .f(0);
    assertThat(t.events(LOCK_ACQUIRE)).anyMatch(e -> e.f(0) == inodeLock);
    assertThat(t.threads.values()).contains("main", "child-0");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void concurrentRunWithDeviceLatencyPairsEveryLock(Jdk jdk) throws Exception {
    String[] args = "--variant pre-fix -w -b 1024 -n 4 -i 4 --repeat 3 --latency nvme".split(" ");
    Path out = tmp.resolve("trace");
    Result rec =
        ForkedJvm.dioInvalidateCache(jdk, List.of(ForkedJvm.javaagent("out=" + out)), args);
    assertThat(rec.exit()).as(rec.err()).isIn(0, 1); // 1: the race showed (pre-fix)
    assertThat(rec.out()).contains("runs=3");
    assertThat(rec.agentLines()).isEmpty();
    ReadTrace t = ReadTrace.read(out);
    assertThat(t.ended).isTrue();
    assertLocksPairUp(t.events);
    assertThat(t.events(EventKind.RUN_BEGIN)).hasSize(3);
    // a child stops at its first failed comparison (the pre-fix race showed): iteration j of 4
    // (expected byte j+1) failing skips the 3 - j iterations after it
    List<Ev> verify = t.events(EventKind.VERIFY);
    int skipped = 0;
    for (Ev v : verify) {
      if (v.f(3) >= 0) {
        skipped += 4 - (int) v.f(4);
      }
    }
    assertThat(verify).hasSize(3 * 4 * 4 - skipped);
    assertThat(t.events(DIO_WRITE_BEGIN)).hasSize(verify.size());
    assertThat(t.threads.values()).contains("child-3", "blkdev-irq");
  }
}
