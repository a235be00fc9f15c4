package io.hbtrace.samplefs.pagecache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PageTest {
  private final AddressSpace mapping = new AddressSpace(12, 4096);

  @Test
  void anyThreadMayUnlockAndWaitersWakeWithoutTakingTheLock() throws Exception {
    Page page = mapping.addToPageCacheLocked(0);
    CountDownLatch woke = new CountDownLatch(1);
    Thread waiter =
        new Thread(
            () -> {
              page.waitOnPageLocked();
              woke.countDown();
            },
            "reader");
    waiter.start();
    assertThat(woke.await(100, TimeUnit.MILLISECONDS)).isFalse();
    Thread completion = new Thread(page::unlockPage, "blkdev-irq"); // mpage_end_io
    completion.start();
    completion.join();
    assertThat(woke.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(page.lock.isLocked()).isFalse();
    waiter.join();
  }

  @Test
  void waitOnWritebackReturnsWhenWritebackEnds() throws Exception {
    Page page = mapping.addToPageCacheLocked(0);
    page.setWriteback();
    page.unlockPage();
    CountDownLatch woke = new CountDownLatch(1);
    Thread waiter =
        new Thread(
            () -> {
              page.waitOnPageWriteback();
              woke.countDown();
            },
            "fsync");
    waiter.start();
    assertThat(woke.await(100, TimeUnit.MILLISECONDS)).isFalse();
    page.endPageWriteback();
    assertThat(woke.await(10, TimeUnit.SECONDS)).isTrue();
    waiter.join();
  }

  @Test
  void aSleeperWaitingForTheLockIsNotReleasedByTheEndOfWriteback() throws Exception {
    // A partly written dirty page: writeback of its dirty block runs while a reader's readpage
    // holds the lock filling the other blocks; the reader must wait for the unlock, not for the
    // writeback's wake-up on the shared wait queue (wake_page_function matches the bit).
    Page page = mapping.addToPageCacheLocked(0);
    page.setWriteback();
    CountDownLatch woke = new CountDownLatch(1);
    Thread waiter =
        new Thread(
            () -> {
              page.waitOnPageLocked();
              woke.countDown();
            },
            "reader");
    waiter.start();
    while (waiter.getState() != Thread.State.WAITING) {
      Thread.onSpinWait(); // asleep on the page's wait queue
    }
    page.endPageWriteback();
    assertThat(woke.await(100, TimeUnit.MILLISECONDS)).as("still locked").isFalse();
    page.unlockPage();
    assertThat(woke.await(10, TimeUnit.SECONDS)).isTrue();
    waiter.join();
  }
}
