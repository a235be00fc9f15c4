package io.hbtrace.samplefs.cli;

import io.hbtrace.samplefs.block.LatencyProfile;
import io.hbtrace.samplefs.workload.DioInvalidateCache;
import io.hbtrace.samplefs.workload.DioInvalidateCacheOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dio-invalidate-cache}: xfstests' helper of the same name, against the model. */
@Command(
    name = "dio-invalidate-cache",
    mixinStandardHelpOptions = true,
    description = {
      "Children write their block (O_DIRECT with -w), read it back (O_DIRECT with -r) and compare,",
      "like xfstests' src/dio-invalidate-cache. Prints a line per failed comparison and",
      "'runs=N failed=M'; exit 1 if any comparison failed."
    })
final class DioInvalidateCacheCommand implements Callable<Integer> {
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

  @Option(
      names = "--page-size",
      defaultValue = "4096",
      description = "Page size (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(
      names = "--fs-block-size",
      defaultValue = "0",
      description = "File system block size (default: -b, at most the page size).")
  int fsBlockSize;

  @Option(
      names = "--latency",
      defaultValue = "nvme",
      description = "Device latency: none, async, nvme, ssd (default: ${DEFAULT-VALUE}).")
  String latency;

  @Option(
      names = "--journal-blocks",
      defaultValue = "1024",
      description =
          "Size of the journal's log in blocks (default: ${DEFAULT-VALUE}). A small log fills up"
              + " often; the handle start that finds it full waits for a checkpoint, whose writes"
              + " take the device's latency.")
  int journalBlocks;

  @Option(
      names = "--extension-stall-us",
      defaultValue = "0",
      description =
          "Knob: the journal start of the size update after a direct write waits this long, as"
              + " on a busy journal; widens pre-fix's window (default: ${DEFAULT-VALUE}).")
  long extensionStallUs;

  @Override
  public Integer call() {
    DioInvalidateCacheOptions opts = options(spec);
    int failed = new DioInvalidateCache(opts, spec.commandLine().getOut()).run();
    return failed > 0 ? SampleFsMain.EXIT_FAILED : SampleFsMain.EXIT_OK;
  }

  DioInvalidateCacheOptions options(CommandSpec spec) {
    Args.variant(spec, variant);
    Args.pageSize(spec, pageSize);
    Args.blockSize(spec, "-b", blockSize, pageSize);
    Args.fsBlockSize(spec, fsBlockSize);
    Args.positive(spec, "-n", children);
    Args.positive(spec, "-i", iterations);
    Args.positive(spec, "--repeat", repeat);
    Args.nonNegative(spec, "-o", offset);
    Args.journalBlocks(spec, journalBlocks);
    Args.nonNegative(spec, "--extension-stall-us", extensionStallUs);
    if (offset % Args.MIN_BLOCK != 0) {
      throw Args.usage(spec, "-o " + offset + " must be a multiple of 512 (O_DIRECT alignment)");
    }
    if (fill && prealloc) {
      throw Args.usage(spec, "-F and -p cannot be used together");
    }
    LatencyProfile profile = Args.latency(spec, latency);
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
        pageSize,
        fsBlockSize,
        profile,
        journalBlocks,
        extensionStallUs * 1000);
  }
}
