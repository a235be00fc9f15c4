package io.hbtrace.samplefs.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hbtrace.samplefs.block.BlockDevice;
import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.fault.CrashException;
import io.hbtrace.samplefs.fault.CrashPoints;
import io.hbtrace.samplefs.fault.FaultInjector;
import org.junit.jupiter.api.Test;

class JournalTest {
  private static Journal journal(CrashPoints cp, int logBlocks) {
    BlockDevice dev = new BlockDevice(1024, 1024, LatencyProfile.NONE, cp, FaultInjector.none());
    return new Journal(new DurableMetadata(), cp, logBlocks, dev);
  }

  @Test
  void aHandleBecomesDurableAtomicallyWhenItStops() {
    Journal j = journal(CrashPoints.disabled(), 1024);
    Handle h = j.start(12);
    h.log(new MetadataRecord.InodeCreated(12));
    h.log(new MetadataRecord.InodeWritten(12, 4096));
    h.log(new MetadataRecord.OrphanLinked(12));
    assertThat(j.durable().inodes()).isEmpty();
    j.stop(h);
    assertThat(j.durable().inodes().get(12L).disksize).isEqualTo(4096);
    assertThat(j.durable().orphanChain()).containsExactly(12L);
    assertThat(h.tid).isPositive();
  }

  @Test
  void aCrashAtTheCommitKeepsNoneOfTheHandleAndSnapshotsTheStateBefore() {
    CrashPoints cp = CrashPoints.at(2);
    Journal j = journal(cp, 1024);
    long[] crashedAt = {0};
    cp.onCrash(step -> crashedAt[0] = step);
    Handle first = j.start(12);
    first.log(new MetadataRecord.InodeCreated(12));
    j.stop(first);
    Handle second = j.start(12);
    second.log(new MetadataRecord.InodeWritten(12, 99));
    assertThatThrownBy(() -> j.stop(second)).isInstanceOf(CrashException.class);
    assertThat(crashedAt[0]).isEqualTo(2);
    assertThat(j.durable().inodes().get(12L).disksize).isZero();
    assertThatThrownBy(() -> j.stop(j.start(12)))
        .as("nothing after the crash")
        .isInstanceOf(CrashException.class);
  }

  @Test
  void aFullLogIsCheckpointedAtHandleStart() {
    Journal j = journal(CrashPoints.disabled(), Journal.MIN_LOG_BLOCKS);
    for (int i = 0; i < 20; i++) {
      Handle h = j.start(12);
      h.log(new MetadataRecord.InodeWritten(12, i));
      h.log(new MetadataRecord.BitmapSet(100 + i, 1));
      j.stop(h);
    }
    assertThat(j.checkpoints()).isPositive();
  }
}
