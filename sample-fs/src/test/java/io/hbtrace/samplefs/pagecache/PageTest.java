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
}
