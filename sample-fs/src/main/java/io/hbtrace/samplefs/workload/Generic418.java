package io.hbtrace.samplefs.workload;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * xfstests generic/418: {@code dio-invalidate-cache} over the whole matrix. For each block size
 * from 512 to twice the page size (doubling): 10 × load-factor runs of {@code -n 3 -i 1}, then 5 ×
 * load-factor runs of {@code -n 8 -i 4}, each over the twelve cases {@code -w -wt -wp -wF -r -rt
 * -rp -rF -rw -rwt -rwp -rwF}. Prints a table of failed runs per block size and case.
 */
public final class Generic418 {
  /** The twelve cases of generic/418, as helper flags. */
  public static final List<String> CASES =
      List.of("w", "wt", "wp", "wF", "r", "rt", "rp", "rF", "rw", "rwt", "rwp", "rwF");

  private final DioInvalidateCacheOptions base;
  private final int loadFactor;
  private final PrintWriter out;

  /** {@code base} gives the variant and the model's options; its helper flags are ignored. */
  public Generic418(DioInvalidateCacheOptions base, int loadFactor, PrintWriter out) {
    this.base = base;
    this.loadFactor = loadFactor;
    this.out = out;
  }

  /** Block sizes of the matrix: 512 … 2 × page size. */
  public List<Integer> blockSizes() {
    List<Integer> sizes = new ArrayList<>();
    for (int bs = 512; bs <= 2 * base.pageSize(); bs *= 2) {
      sizes.add(bs);
    }
    return sizes;
  }

  /** Runs the matrix and prints the table; returns the number of failed runs. */
  public int run() {
    List<Integer> sizes = blockSizes();
    int[][] failed = new int[sizes.size()][CASES.size()];
    int[][] runs = new int[sizes.size()][CASES.size()];
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    for (int b = 0; b < sizes.size(); b++) {
      int bs = sizes.get(b);
      for (int r = 0; r < 10 * loadFactor; r++) {
        for (int c = 0; c < CASES.size(); c++) {
          failed[b][c] += runCase(CASES.get(c), bs, 3, 1, quiet);
          runs[b][c]++;
        }
      }
      for (int r = 0; r < 5 * loadFactor; r++) {
        for (int c = 0; c < CASES.size(); c++) {
          failed[b][c] += runCase(CASES.get(c), bs, 8, 4, quiet);
          runs[b][c]++;
        }
      }
    }
    return printTable(sizes, failed, runs);
  }

  private int runCase(String flags, int bs, int n, int iters, PrintWriter quiet) {
    DioInvalidateCache helper =
        new DioInvalidateCache(base.withCase(flags, bs, n, iters, 1), quiet);
    return helper.runQuietly() > 0 ? 1 : 0;
  }

  private int printTable(List<Integer> sizes, int[][] failed, int[][] runs) {
    StringBuilder header = new StringBuilder(String.format("%-6s", "bs"));
    for (String c : CASES) {
      header.append(String.format(" %6s", "-" + c));
    }
    out.println("generic/418 variant=" + base.variant() + " (failed runs per block size and case)");
    out.println(header);
    int total = 0;
    int all = 0;
    for (int b = 0; b < sizes.size(); b++) {
      StringBuilder row = new StringBuilder(String.format("%-6d", sizes.get(b)));
      for (int c = 0; c < CASES.size(); c++) {
        row.append(String.format(" %6s", failed[b][c] + "/" + runs[b][c]));
        total += failed[b][c];
        all += runs[b][c];
      }
      out.println(row);
    }
    out.println("runs=" + all + " failed=" + total);
    out.flush();
    return total;
  }
}
