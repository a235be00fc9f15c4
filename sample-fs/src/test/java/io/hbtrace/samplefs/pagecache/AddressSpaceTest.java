package io.hbtrace.samplefs.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import io.hbtrace.samplefs.Errno;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AddressSpaceTest {
  private final AddressSpace mapping = new AddressSpace(12, 4096);

  @Test
  void lookupMissesThenHitsAnInsertedPage() {
    PageVec pvec = new PageVec();
    assertThat(mapping.findGetPages(3, pvec)).isZero();
    Page page = mapping.addToPageCacheLocked(3);
    assertThat(page.lock.isLocked()).as("inserted locked").isTrue();
    assertThat(mapping.addToPageCacheLocked(3)).as("-EEXIST").isNull();
    assertThat(mapping.findGetPages(3, pvec)).isEqualTo(1);
    assertThat(pvec.page).isSameAs(page);
    assertThat(page.ino).isEqualTo(12);
  }

  @Test
  void invalidationVisitsEveryIndexAndFailsOnDirtyPages() {
    Page clean = mapping.addToPageCacheLocked(1);
    clean.unlockPage();
    Page dirty = mapping.addToPageCacheLocked(2);
    dirty.setDirty();
    dirty.unlockPage();
    assertThat(mapping.invalidateFolio(0, InvalidatePhase.PRE_IO))
        .isEqualTo(InvalidateOutcome.ABSENT);
    assertThat(mapping.invalidateInodePages2Range(0, 2, InvalidatePhase.PRE_IO))
        .isEqualTo(Errno.EBUSY);
    assertThat(clean.mapping()).as("removed").isNull();
    assertThat(dirty.mapping()).as("dirty page stays").isSameAs(mapping);
    assertThat(mapping.nrpages()).isEqualTo(1);
  }

  @Test
  void truncationRemovesDirtyPagesAndZeroesThePartialOne() {
    Page partial = mapping.addToPageCacheLocked(0);
    partial.data[100] = 7;
    partial.data[10] = 7;
    partial.unlockPage();
    Page dirty = mapping.addToPageCacheLocked(1);
    dirty.setDirty();
    dirty.unlockPage();
    mapping.truncateInodePages(50);
    assertThat(dirty.mapping()).isNull();
    assertThat(partial.data[100]).isZero();
    assertThat(partial.data[10]).isEqualTo((byte) 7);
  }

  @Test
  void invalidationWaitsForTheReadThatHoldsThePageLock() throws Exception {
    Page page = mapping.addToPageCacheLocked(5); // a readpage in progress holds it
    AtomicReference<InvalidateOutcome> outcome = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread inv =
        new Thread(
            () -> {
              outcome.set(mapping.invalidateFolio(5, InvalidatePhase.POST_IO));
              done.countDown();
            },
            "invalidator");
    inv.start();
    assertThat(done.await(100, TimeUnit.MILLISECONDS)).as("still waiting").isFalse();
    page.setUptodate();
    page.unlockPage();
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(outcome.get()).isEqualTo(InvalidateOutcome.REMOVED);
    inv.join();
  }

  @Test
  void invalidateMappingPagesSkipsLockedPages() {
    Page page = mapping.addToPageCacheLocked(0);
    assertThat(mapping.invalidateFolio(0, InvalidatePhase.OTHER)).isEqualTo(InvalidateOutcome.BUSY);
    page.unlockPage();
    assertThat(mapping.invalidateFolio(0, InvalidatePhase.OTHER))
        .isEqualTo(InvalidateOutcome.REMOVED);
  }

  @Test
  void enumOrdersAreTheHookContract() {
    assertThat(InvalidatePhase.PRE_IO.ordinal()).isZero();
    assertThat(InvalidatePhase.POST_IO.ordinal()).isEqualTo(1);
    assertThat(InvalidatePhase.TRUNCATE.ordinal()).isEqualTo(2);
    assertThat(InvalidatePhase.OTHER.ordinal()).isEqualTo(3);
    assertThat(InvalidateOutcome.REMOVED.ordinal()).isZero();
    assertThat(InvalidateOutcome.ABSENT.ordinal()).isEqualTo(1);
    assertThat(InvalidateOutcome.BUSY.ordinal()).isEqualTo(2);
  }
}
