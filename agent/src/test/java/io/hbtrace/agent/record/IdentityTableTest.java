package io.hbtrace.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;

class IdentityTableTest {
  private final List<Long> born = new ArrayList<>();
  private final List<Long> freed = Collections.synchronizedList(new ArrayList<>());
  private final IdentityTable ids =
      new IdentityTable(
          new IdentityTable.Listener() {
            @Override
            public synchronized void born(long id, Object o) {
              born.add(id);
            }

            @Override
            public void freed(long id) {
              freed.add(id);
            }
          },
          new LockIdentity());

  @Test
  void idsAreDenseStableAndByReference() {
    String a = new String("x");
    String b = new String("x"); // equal, not the same object
    assertThat(ids.id(a)).isEqualTo(1);
    assertThat(ids.id(b)).isEqualTo(2);
    assertThat(ids.id(a)).isEqualTo(1);
    assertThat(ids.id(null)).isZero();
    assertThat(born).containsExactly(1L, 2L);
  }

  @Test
  void growsPastItsInitialCapacityKeepingEveryId() {
    List<Object> objects = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      objects.add(new Object());
      assertThat(ids.id(objects.get(i))).isEqualTo(i + 1);
    }
    for (int i = 0; i < objects.size(); i++) {
      assertThat(ids.id(objects.get(i))).isEqualTo(i + 1);
    }
  }

  @Test
  void collectedObjectsAreReportedFreedOnce() throws Exception {
    Object keep = new Object();
    long kept = ids.id(keep);
    identifyGarbage(5000);
    for (int round = 0; round < 50 && freed.size() < 5000; round++) {
      System.gc();
      Thread.sleep(20);
      ids.expunge();
    }
    assertThat(freed).hasSize(5000).doesNotContain(kept);
    assertThat(ids.id(keep)).isEqualTo(kept);
  }

  @Test
  void theCollectorsQueueReportsDeathsWithoutAScan() throws Exception {
    Object keep = new Object();
    long kept = ids.id(keep);
    identifyGarbage(3000);
    for (int round = 0; round < 50 && freed.size() < 3000; round++) {
      System.gc();
      ids.expungeQueued(100);
    }
    assertThat(freed).hasSize(3000).doesNotContain(kept);
    ids.expunge();
    assertThat(freed).as("each death is reported once").hasSize(3000);
  }

  @Test
  void oneWakeOfTheHousekeeperDeletesEveryQueuedEntryInBatches() throws Exception {
    int n = 20 * IdentityTable.DELETES_PER_HOLD;
    identifyGarbage(n);
    for (int round = 0; round < 50 && freed.isEmpty(); round++) {
      System.gc();
      Thread.sleep(100); // the JDK's reference handler queues them all meanwhile
      ids.expungeQueued(100);
    }
    assertThat(freed).as("the first wake that finds some finds all").hasSize(n);
  }

  @Test
  void theTableStaysSmallWhileObjectsDieAsFastAsTheyAreMade() throws Exception {
    for (int round = 0; round < 20; round++) {
      identifyGarbage(1500); // 4096 slots: the insert past 2048 drains the queue
      System.gc();
      Thread.sleep(20);
    }
    assertThat(ids.assigned()).isEqualTo(30_000);
    assertThat(ids.capacity()).as("dead entries deleted, not grown over").isEqualTo(4096);
    assertThat(freed).hasSizeGreaterThan(20_000);
  }

  @Test
  void readWriteLockItsViewsAndReentrantLockSyncShareIds() {
    ReentrantReadWriteLock rwl = new ReentrantReadWriteLock();
    long id = ids.id(rwl);
    assertThat(ids.id(rwl.readLock())).isEqualTo(id);
    assertThat(ids.id(rwl.writeLock())).isEqualTo(id);
    assertThat(ids.entry(rwl.readLock()).mode).isEqualTo(1);
    assertThat(ids.entry(rwl.writeLock()).mode).isZero();
    ReentrantLock l = new ReentrantLock();
    assertThat(ids.id(l)).isNotEqualTo(id);
    assertThat(born).hasSize(2);
  }

  @Test
  void aliasesTakeTheTargetsIdAndMode() {
    Object target = new Object();
    Object view = new Object();
    long t = ids.id(target);
    ids.alias(view, target, 1);
    assertThat(ids.id(view)).isEqualTo(t);
    assertThat(ids.entry(view).mode).isEqualTo(1);
  }

  /**
   * A future outlives the task wrapper whose id it shares (an executor drops the wrapper once it
   * has run): the id is freed with the last of the two, once; a view that had an id of its own
   * before it was aliased gives that one up at once.
   */
  @Test
  void anIdSharedWithAnAliasIsFreedWithTheLastOfItsObjects() throws Exception {
    Object[] target = {new Object()};
    Object[] view = {new Object()};
    long t = ids.id(target[0]);
    long own = ids.id(view[0]);
    ids.alias(view[0], target[0], 0);
    assertThat(freed).containsExactly(own);
    target[0] = null;
    collect(() -> false);
    assertThat(freed).as("the alias lives on").containsExactly(own);
    assertThat(ids.id(view[0])).isEqualTo(t);
    view[0] = null;
    collect(() -> freed.contains(t));
    assertThat(freed).containsExactly(own, t);
  }

  /**
   * Three objects share an id, one of them moving away to another id: the id is freed once, with
   * the last of those still sharing it, and the other id only when the mover dies.
   */
  @Test
  void anIdSharedByManyIsFreedOnceWithTheLastOfThem() throws Exception {
    Object[] objects = {new Object(), new Object(), new Object(), new Object(), new Object()};
    long t = ids.id(objects[0]);
    long other = ids.id(objects[4]);
    for (int i = 1; i < 4; i++) {
      ids.alias(objects[i], objects[0], i % 2);
    }
    ids.alias(objects[3], objects[4], 0); // moves away: t keeps three members
    assertThat(ids.entry(objects[3]).id).isEqualTo(other);
    for (int i : new int[] {0, 2, 4}) {
      objects[i] = null;
    }
    collect(() -> false);
    assertThat(freed).as("1 and 3 live on").isEmpty();
    objects[1] = null;
    collect(() -> freed.contains(t));
    assertThat(freed).containsExactly(t);
    objects[3] = null;
    collect(() -> freed.contains(other));
    assertThat(freed).containsExactly(t, other);
  }

  /** Collects and reports deaths until {@code done} (or a few rounds, for a death not awaited). */
  private void collect(java.util.function.BooleanSupplier done) throws InterruptedException {
    for (int round = 0; round < 20 && !done.getAsBoolean(); round++) {
      System.gc();
      Thread.sleep(20);
      ids.expunge();
    }
  }

  @Test
  void anAliasOrAFieldSetAfterALookupIsSeenByTheNextOne() {
    Object target = new Object();
    Object view = new Object();
    long t = ids.id(target);
    long own = ids.id(view); // its own entry, which the alias replaces
    ids.alias(view, target, 1);
    assertThat(ids.id(view)).isNotEqualTo(own).isEqualTo(t);
    assertThat(ids.entry(view).mode).isEqualTo(1);

    Object atomic = new Object();
    long a = ids.id(atomic);
    ids.registerAtomic(atomic, 7, t);
    assertThat(ids.entry(atomic))
        .isInstanceOfSatisfying(
            IdentityTable.AtomicEntry.class,
            e -> {
              assertThat(e.field).isEqualTo(7);
              assertThat(e.fieldOwner).isEqualTo(t);
            });
    assertThat(ids.id(atomic)).isEqualTo(a);
  }

  @Test
  void concurrentFirstSightsGetOneIdEach() throws Exception {
    Object[] shared = new Object[1000];
    for (int i = 0; i < shared.length; i++) {
      shared[i] = new Object();
    }
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th =
          new Thread(
              () -> {
                for (int i = 0; i < shared.length; i++) {
                  seen.add(i + "=" + ids.id(shared[i]));
                }
              });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(seen).hasSize(shared.length);
    assertThat(new HashSet<>(born)).hasSize(shared.length);
  }

  @Test
  void deletingCollectedEntriesKeepsTheLiveOnesAndNeverReusesAnId() throws Exception {
    List<Object> kept = new ArrayList<>();
    List<Long> keptIds = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      Object o = new Object();
      long id = ids.id(o);
      if (i % 3 == 0) {
        kept.add(o);
        keptIds.add(id);
      }
    }
    for (int round = 0; round < 50 && freed.size() < 20_000; round++) {
      System.gc();
      Thread.sleep(20);
      ids.expunge();
    }
    assertThat(freed).hasSize(20_000).doesNotContainAnyElementsOf(keptIds);
    for (int i = 0; i < kept.size(); i++) {
      assertThat(ids.id(kept.get(i))).isEqualTo(keptIds.get(i));
    }
    assertThat(ids.id(new Object())).isEqualTo(30_001);
    ids.expunge();
    assertThat(freed).as("each death is reported once").hasSize(20_000);
    assertThat(new HashSet<>(freed)).hasSize(20_000);
  }

  @Test
  void aFullTableFirstDropsTheDeadBeforeItGrows() throws Exception {
    for (int i = 0; i < 1500; i++) {
      ids.id(new Object()); // 4096 slots: half full at 2048
    }
    System.gc();
    Thread.sleep(50);
    List<Object> live = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      live.add(new Object());
      assertThat(ids.id(live.get(i))).isEqualTo(1501 + i);
    }
    assertThat(freed).as("reported when the full table expunged").isNotEmpty();
    for (int i = 0; i < live.size(); i++) {
      assertThat(ids.id(live.get(i))).isEqualTo(1501 + i);
    }
  }

  @Test
  void lookupsRacingWithDeletionsAndGrowthKeepEveryLiveId() throws Exception {
    Object[] live = new Object[2000];
    long[] want = new long[live.length];
    for (int i = 0; i < live.length; i++) {
      live[i] = new Object();
      want[i] = ids.id(live[i]);
    }
    Set<String> wrong = ConcurrentHashMap.newKeySet();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread th =
          new Thread(
              () -> {
                for (int round = 0; round < 200; round++) {
                  for (int i = 0; i < live.length; i++) {
                    long got = ids.id(live[i]);
                    if (got != want[i]) {
                      wrong.add(i + ": " + got + " != " + want[i]);
                    }
                  }
                }
              });
      readers.add(th);
      th.start();
    }
    for (int round = 0; round < 40; round++) {
      for (int i = 0; i < 3000; i++) {
        ids.id(new Object());
      }
      if (round % 10 == 0) {
        System.gc();
      }
      ids.expunge();
    }
    for (Thread th : readers) {
      th.join();
    }
    assertThat(wrong).isEmpty();
    assertThat(born).hasSize(2000 + 40 * 3000);
  }

  /** Gives ids to {@code n} new objects that nothing keeps. */
  private void identifyGarbage(int n) {
    for (int i = 0; i < n; i++) {
      ids.id(new Object());
    }
  }
}
