package io.hbtrace.samplefs.cli;

import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.workload.DioInvalidateCache;
import io.hbtrace.samplefs.workload.DioInvalidateCacheOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dio-invalidate-cache}: xfstests' helper of the same name, against the model. */
@Command(
    name = "dio-invalidate-cache",
    mixinStandardHelpOptions = true,
    description = {
      "Children write their block and read it back to compare: xfstests' dio-invalidate-cache.",
      "Writes are O_DIRECT with -w, reads with -r. Prints a line per failed comparison and"
          + " 'runs=N failed=M'; exit 1 if any comparison failed."
    })
final class DioInvalidateCacheCommand implements Callable<Integer> {
  /** Children at most: each is a thread, and the system's threads run out long before int's. */
  static final int MAX_CHILDREN = 1024;

  /**
   * Where the test file must end: the model keeps a map entry for every block of a file up to its
   * end, so a file as large as ext4 allows would not fit in memory.
   */
  static final long MAX_FILE_BYTES = 1L << 30;

  @Spec CommandSpec spec;

  @Option(
      names = "--variant",
      defaultValue = "pre-fix",
      description = "Variant (default: ${DEFAULT-VALUE}).")
  String variant;

  @Option(names = "-w", description = "Writers use O_DIRECT.")
  boolean writeDirect;

  @Option(names = "-r", description = "Readers use O_DIRECT.")
  boolean readDirect;

  @Option(names = "-t", description = "ftruncate the file to blksz x children first.")
  boolean truncate;

  @Option(names = "-p", description = "Preallocate (fallocate mode 0) blksz x children first.")
  boolean prealloc;

  @Option(names = "-F", description = "Fill blksz x children with 's' first.")
  boolean fill;

  @Option(
      names = "-b",
      defaultValue = "4096",
      description = "Block size of each child's IO (default: ${DEFAULT-VALUE}).")
  int blockSize;

  @Option(names = "-n", defaultValue = "8", description = "Children (default: ${DEFAULT-VALUE}).")
  int children;

  @Option(
      names = "-i",
      defaultValue = "4",
      description = "Iterations per child (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(
      names = "-o",
      defaultValue = "0",
      description = "Base offset (default: ${DEFAULT-VALUE}).")
  long offset;

  @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--repeat",
      defaultValue = "1",
      description = "Independent runs, each on a fresh file system (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Mixin ModelOptions model = new ModelOptions();

  @Override
  public Integer call() {
    DioInvalidateCacheOptions opts = options(spec);
    int failed = new DioInvalidateCache(opts, spec.commandLine().getOut()).run();
    return failed > 0 ? SampleFsMain.EXIT_FAILED : SampleFsMain.EXIT_OK;
  }

  DioInvalidateCacheOptions options(CommandSpec spec) {
    Args.variant(spec, variant);
    LatencyProfile profile = model.validate(spec);
    Args.blockSize(spec, "-b", blockSize, model.pageSize);
    Args.inRange(spec, "-n", children, 1, MAX_CHILDREN, "a thread each");
    Args.positive(spec, "-i", iterations);
    Args.positive(spec, "--repeat", repeat);
    Args.inRange(
        spec,
        "-o",
        offset,
        0,
        MAX_FILE_BYTES - (long) children * blockSize,
        "the model maps every block of a file up to its end, and files end at 1 GiB");
    if (offset % Args.MIN_BLOCK != 0) {
      throw Args.usage(spec, "-o " + offset + " must be a multiple of 512 (O_DIRECT alignment)");
    }
    if (fill && prealloc) {
      throw Args.usage(spec, "-F and -p cannot be used together");
    }
    return new DioInvalidateCacheOptions(
        variant,
        writeDirect,
        readDirect,
        truncate,
        prealloc,
        fill,
        blockSize,
        children,
        iterations,
        offset,
        seed,
        repeat,
        model.pageSize,
        model.fsBlockSize,
        profile,
        model.journalBlocks,
        model.extensionStallUs * 1000,
        model.faultRate,
        model.invalidationFailureRate,
        model.writebackErrorRate);
  }
}
