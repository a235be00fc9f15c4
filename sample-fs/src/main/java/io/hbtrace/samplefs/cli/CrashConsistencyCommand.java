package io.hbtrace.samplefs.cli;

import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.variant.VariantRegistry;
import io.hbtrace.samplefs.workload.CrashConsistency;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crash-consistency}: crash at every chosen step, recover, fsck; per variant. */
@Command(
    name = "crash-consistency",
    mixinStandardHelpOptions = true,
    description = {
      "Random extending writes with faults, crashed at chosen steps, recovered and checked.",
      "Prints per variant the crash points tried and violating, the orphans left after"
          + " operations and at unmount, and orphan changes made without i_rwsem; exit 1 if any"
          + " variant had a violation or a leak."
    })
final class CrashConsistencyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--variant",
      defaultValue = "all",
      description = "Variant, or 'all' (default: ${DEFAULT-VALUE}).")
  String variant;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--ops",
      defaultValue = "60",
      description = "Operations per run (default: ${DEFAULT-VALUE}).")
  int ops;

  @Option(
      names = "--crash-points",
      defaultValue = "500",
      description =
          "Crash points per variant, sampled if the run has more (default: ${DEFAULT-VALUE}).")
  int crashPoints;

  @Option(
      names = "--block-size",
      defaultValue = "1024",
      description = "File system block size (default: ${DEFAULT-VALUE}).")
  int blockSize;

  @Option(
      names = "--latency",
      defaultValue = "async",
      description =
          "Device latency: none, async, nvme, ssd, hdd (default: ${DEFAULT-VALUE}; AIO completions"
              + " need a device that completes on its own thread).")
  String latency;

  @Option(
      names = "--fault-rate",
      defaultValue = "0.1",
      description =
          "Rate of each fault kind: short write, IO error, ENOSPC, invalidation failure"
              + " (default: ${DEFAULT-VALUE}).")
  double faultRate;

  @Override
  public Integer call() {
    List<String> variants = VariantRegistry.names();
    if (!"all".equals(variant)) {
      Args.variant(spec, variant);
      variants = List.of(variant);
    }
    Args.positive(spec, "--ops", ops);
    Args.positive(spec, "--crash-points", crashPoints);
    Args.fsBlockSize(spec, "--block-size", blockSize);
    Args.positive(spec, "--block-size", blockSize);
    Args.rate(spec, "--fault-rate", faultRate);
    LatencyProfile profile = Args.latency(spec, latency);
    CrashConsistency.Options opts =
        new CrashConsistency.Options(
            variants,
            seed,
            ops,
            crashPoints,
            blockSize,
            profile,
            faultRate,
            faultRate / 2,
            faultRate / 2,
            faultRate / 2);
    int bad = new CrashConsistency(opts, spec.commandLine().getOut()).run();
    return bad > 0 ? SampleFsMain.EXIT_FAILED : SampleFsMain.EXIT_OK;
  }
}
