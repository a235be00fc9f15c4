package io.hbtrace.samplefs.cli;

import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.workload.DioInvalidateCacheOptions;
import io.hbtrace.samplefs.workload.Generic418;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generic-418}: the whole xfstests generic/418 matrix against the model. */
@Command(
    name = "generic-418",
    mixinStandardHelpOptions = true,
    description = {
      "xfstests generic/418: dio-invalidate-cache over block sizes and the 12 cases.",
      "For block sizes 512 .. 2 x page size, 10 x L runs of -n 3 -i 1 and 5 x L runs of -n 8 -i 4"
          + " over the 12 cases. Prints failed runs per block size and case; exit 1 if any run"
          + " failed."
    })
final class Generic418Command implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--variant",
      defaultValue = "pre-fix",
      description = "Variant (default: ${DEFAULT-VALUE}).")
  String variant;

  @Option(
      names = "--load-factor",
      defaultValue = "1",
      description = "xfstests' LOAD_FACTOR (default: ${DEFAULT-VALUE}).")
  int loadFactor;

  @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin ModelOptions model = new ModelOptions();

  @Override
  public Integer call() {
    Args.variant(spec, variant);
    // generic/418 runs 10 x L of each case: L beyond this would not be counted in an int
    Args.inRange(spec, "--load-factor", loadFactor, 1, 100_000_000, "each case runs 10 x L times");
    LatencyProfile profile = model.validate(spec);
    DioInvalidateCacheOptions base =
        new DioInvalidateCacheOptions(
            variant,
            false,
            false,
            false,
            false,
            false,
            4096,
            1,
            1,
            0,
            seed,
            1,
            model.pageSize,
            model.fsBlockSize,
            profile,
            model.journalBlocks,
            model.extensionStallUs * 1000,
            model.faultRate,
            model.invalidationFailureRate,
            model.writebackErrorRate);
    int failed = new Generic418(base, loadFactor, spec.commandLine().getOut()).run();
    return failed > 0 ? SampleFsMain.EXIT_FAILED : SampleFsMain.EXIT_OK;
  }
}
