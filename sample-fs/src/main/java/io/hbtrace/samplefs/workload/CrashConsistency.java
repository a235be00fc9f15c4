package io.hbtrace.samplefs.workload;

import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.fault.CrashException;
import io.hbtrace.samplefs.fault.CrashPoints;
import io.hbtrace.samplefs.fault.FaultInjector;
import io.hbtrace.samplefs.fs.CrashImage;
import io.hbtrace.samplefs.fs.FileSystem;
import io.hbtrace.samplefs.fs.FsConfig;
import io.hbtrace.samplefs.fs.Fsck;
import io.hbtrace.samplefs.fs.OpenFile;
import io.hbtrace.samplefs.fs.Vfs;
import io.hbtrace.samplefs.variant.VariantRegistry;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The crash-consistency workload: a seeded sequence of {@link CrashOp}s with seeded faults, run
 * once to count its durable steps (and to check that the orphan list is empty after every operation
 * and at unmount), then once per chosen step k with a crash at k; each crash image is checked
 * against the invariant (every block past an inode's on-disk size belongs to an inode on the
 * on-disk orphan chain), mounted (recovery truncates the orphans), and checked clean.
 */
public final class CrashConsistency {
  /** What to run. */
  public record Options(
      List<String> variants,
      long seed,
      int ops,
      int crashPoints,
      int blockSize,
      LatencyProfile latency,
      double shortWriteRate,
      double ioErrorRate,
      double enospcRate,
      double invalidationRate) {}

  /** The result of one variant. */
  public record VariantResult(
      String variant,
      long steps,
      int pointsTried,
      int violatingPoints,
      int invariantViolations,
      int recoveryViolations,
      int orphansLeftAtUnmount,
      int opsLeavingOrphans,
      int unlockedOrphanChanges,
      String example) {}

  private final Options opts;
  private final PrintWriter out;

  public CrashConsistency(Options opts, PrintWriter out) {
    this.opts = opts;
    this.out = out;
  }

  /** Runs every variant and prints a line each; returns how many found violations or leaks. */
  public int run() {
    out.println(
        "crash-consistency seed="
            + opts.seed()
            + " ops="
            + opts.ops()
            + " (violations: crash points whose image breaks the invariant or is not clean"
            + " after recovery)");
    int bad = 0;
    for (String variant : opts.variants()) {
      VariantResult r = runVariant(variant);
      out.printf(
          "%-24s steps=%d crash-points=%d violations=%d (invariant %d, after recovery %d)"
              + " unmount-leaks=%d ops-leaving-orphans=%d unlocked-orphan-changes=%d%n",
          r.variant(),
          r.steps(),
          r.pointsTried(),
          r.violatingPoints(),
          r.invariantViolations(),
          r.recoveryViolations(),
          r.orphansLeftAtUnmount(),
          r.opsLeavingOrphans(),
          r.unlockedOrphanChanges());
      if (r.example() != null) {
        out.println("    e.g. " + r.example());
      }
      if (r.violatingPoints() > 0 || r.orphansLeftAtUnmount() > 0 || r.opsLeavingOrphans() > 0) {
        bad++;
      }
    }
    out.flush();
    return bad;
  }

  /** The counting pass, then a crash at each chosen step. */
  public VariantResult runVariant(String variant) {
    List<CrashOp> ops = CrashOp.generate(opts.seed(), opts.ops());
    CrashRun full = CrashRun.execute(config(variant, CrashPoints.counting()), ops);
    int violating = 0;
    int invariant = 0;
    int recovery = 0;
    String example = null;
    long[] points = choosePoints(full.steps, variant);
    for (long k : points) {
      CrashRun crashed = CrashRun.execute(config(variant, CrashPoints.at(k)), ops);
      CrashImage image = crashed.image;
      if (image == null) {
        continue;
      }
      Fsck before = new Fsck(image.fsId(), opts.blockSize());
      int v1 = before.checkCrashInvariant(image.metadata());
      FileSystem recovered = FileSystem.mountImage(config(variant, CrashPoints.disabled()), image);
      Fsck after = new Fsck(recovered.id, opts.blockSize());
      int v2 = after.checkClean(recovered.journal.durable().copy());
      recovered.putSuper();
      if (v1 + v2 > 0) {
        violating++;
        invariant += v1 > 0 ? 1 : 0;
        recovery += v2 > 0 ? 1 : 0;
        if (example == null) {
          List<String> problems = v1 > 0 ? before.problems() : after.problems();
          example = "crash at step " + k + ": " + problems.get(0);
        }
      }
    }
    return new VariantResult(
        variant,
        full.steps,
        points.length,
        violating,
        invariant,
        recovery,
        full.orphansLeft,
        full.opsLeavingOrphans,
        full.unlockedOrphanChanges,
        example);
  }

  private long[] choosePoints(long total, String variant) {
    if (total <= opts.crashPoints()) {
      long[] all = new long[(int) total];
      Arrays.setAll(all, i -> i + 1);
      return all;
    }
    SplittableRandom rnd = new SplittableRandom(opts.seed() ^ variant.hashCode());
    TreeSet<Long> chosen = new TreeSet<>();
    while (chosen.size() < opts.crashPoints()) {
      chosen.add(1 + rnd.nextLong(total));
    }
    return chosen.stream().mapToLong(Long::longValue).toArray();
  }

  private FsConfig config(String variant, CrashPoints crashPoints) {
    FaultInjector faults =
        FaultInjector.seeded(
            opts.seed(),
            opts.shortWriteRate(),
            opts.ioErrorRate(),
            opts.enospcRate(),
            opts.invalidationRate());
    return FsConfig.of(VariantRegistry.byName(variant), opts.blockSize())
        .withDeviceBlocks((8L << 20) / opts.blockSize())
        .withLatency(opts.latency())
        .withFaults(faults)
        .withCrashPoints(crashPoints);
  }

  /** One execution of the op sequence on a fresh file system, on a thread named crash-workload. */
  static final class CrashRun {
    long steps;
    int orphansLeft;
    int opsLeavingOrphans;
    int unlockedOrphanChanges;
    CrashImage image;

    static CrashRun execute(FsConfig config, List<CrashOp> ops) {
      CrashRun run = new CrashRun();
      Thread t = new Thread(() -> run.perform(config, ops), "crash-workload");
      t.start();
      boolean interrupted = false;
      for (; ; ) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      return run;
    }

    private void perform(FsConfig config, List<CrashOp> ops) {
      FileSystem fs = FileSystem.mkfsAndMount(config);
      boolean crashed = false;
      try {
        WorkloadOps sys = new WorkloadOps(new Vfs(fs));
        OpenFile direct = sys.vfs().create(true);
        OpenFile aio = sys.vfs().openAio(direct.inode);
        OpenFile buffered = sys.vfs().open(direct.inode, false);
        for (int i = 0; i < ops.size(); i++) {
          perform(sys, ops.get(i), i, direct, aio, buffered);
          // No operation is in flight now: nothing may be left on the orphan list.
          if (!fs.orphans.inodes().isEmpty()) {
            opsLeavingOrphans++;
          }
        }
      } catch (CrashException e) {
        crashed = true;
      } finally {
        steps = config.crashPoints().steps();
        unlockedOrphanChanges = fs.orphans.unlockedChanges();
        image = fs.crashImage();
        if (crashed) {
          fs.close();
        } else {
          orphansLeft = fs.putSuper();
        }
      }
    }

    private static void perform(
        WorkloadOps sys, CrashOp op, int i, OpenFile direct, OpenFile aio, OpenFile buffered) {
      byte[] data = new byte[op.len()];
      Arrays.fill(data, (byte) (i + 1));
      switch (op.kind()) {
        case DIO_WRITE -> sys.syscall(WorkloadOps.WRITE, direct, op.pos(), op.len(), data);
        case AIO_WRITE -> sys.syscall(WorkloadOps.WRITE, aio, op.pos(), op.len(), data);
        case BUFFERED_WRITE_FSYNC -> {
          sys.syscall(WorkloadOps.WRITE, buffered, op.pos(), op.len(), data);
          sys.syscall(WorkloadOps.FSYNC, buffered, 0, 0, null);
        }
        case TRUNCATE -> sys.syscall(WorkloadOps.TRUNCATE, direct, op.pos(), 0, null);
        case FALLOCATE -> sys.syscall(WorkloadOps.FALLOCATE, direct, op.pos(), op.len(), null);
      }
    }
  }
}
