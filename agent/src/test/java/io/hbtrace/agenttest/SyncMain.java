package io.hbtrace.agenttest;

/**
 * Runs every idiom of {@link SyncPrograms} once, single-threaded where it can be, and prints what
 * each returned; exits with the status given as the first argument (default 0).
 */
public final class SyncMain {
  private SyncMain() {}

  public static void main(String[] args) throws Exception {
    System.out.println("monitorBlockThrows " + SyncPrograms.monitorBlockThrows());
    System.out.println("synchronizedMethods " + SyncPrograms.synchronizedMethods());
    System.out.println("reentrantLock " + SyncPrograms.reentrantLock());
    System.out.println("readWriteLock " + SyncPrograms.readWriteLock());
    System.out.println("customReadWriteLock " + SyncPrograms.customReadWriteLock());
    System.out.println("threads " + SyncPrograms.threads());
    System.out.println("executor " + SyncPrograms.executor());
    System.out.println("latch " + SyncPrograms.latch());
    System.out.println("waitNotify " + SyncPrograms.waitNotify());
    System.out.println("condition " + SyncPrograms.condition());
    System.out.println("park " + SyncPrograms.park());
    if (args.length > 0) {
      System.exit(Integer.parseInt(args[0]));
    }
  }
}
