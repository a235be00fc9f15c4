package io.hbtrace.samplefs.dio;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.samplefs.fs.FileSystem;
import io.hbtrace.samplefs.fs.FsConfig;
import io.hbtrace.samplefs.fs.OpenFile;
import io.hbtrace.samplefs.fs.Vfs;
import io.hbtrace.samplefs.variant.PausingVariant;
import io.hbtrace.samplefs.variant.VariantRegistry;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generic/418 failure sequence of ext4-race.md §5, forced: child 0 wrote [0,1k), size 1k; child
 * 1's extending DIO to [1k,2k) completes and invalidates page 0, and is held right there; child 0
 * reads [0,1k): page 0 misses, readpage samples i_size; child 1 then finishes, and its own buffered
 * read of [1k,2k) hits that page.
 */
class Generic418InterleavingTest {
  private static final int BS = 1024;

  @ParameterizedTest
  @ValueSource(strings = {"pre-fix"})
  void racyOrderCachesZerosAndReturnsThem(String name) throws Exception {
    byte[] got = run(name);
    assertThat(got).containsOnly((byte) 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"upstream", "endio-all", "xfs", "rework-2023"})
  void fixedOrderReadsTheWrittenBytes(String name) throws Exception {
    byte[] got = run(name);
    assertThat(got).containsOnly((byte) 2);
  }

  private static byte[] run(String variantName) throws Exception {
    PausingVariant variant = new PausingVariant(VariantRegistry.byName(variantName), BS);
    try (FileSystem fs = FileSystem.mkfsAndMount(FsConfig.of(variant, BS))) {
      Vfs vfs = new Vfs(fs);
      OpenFile buffered = vfs.create(false);
      OpenFile direct = vfs.open(buffered.inode, true);
      assertThat(vfs.pwrite(direct, filled(1), 0, BS, 0)).isEqualTo(BS);

      AtomicLong child1Write = new AtomicLong();
      Thread child1 =
          new Thread(() -> child1Write.set(vfs.pwrite(direct, filled(2), 0, BS, BS)), "child-1");
      child1.start();
      assertThat(variant.paused.await(10, TimeUnit.SECONDS)).isTrue();

      byte[] child0 = new byte[BS];
      assertThat(vfs.pread(buffered, child0, 0, BS, 0)).isEqualTo(BS);
      assertThat(child0).containsOnly((byte) 1);

      variant.release.countDown();
      child1.join();
      assertThat(child1Write.get()).isEqualTo(BS);
      byte[] child1Read = new byte[BS];
      assertThat(vfs.pread(buffered, child1Read, 0, BS, BS)).isEqualTo(BS);
      fs.putSuper();
      return child1Read;
    }
  }

  private static byte[] filled(int b) {
    byte[] buf = new byte[BS];
    Arrays.fill(buf, (byte) b);
    return buf;
  }
}
