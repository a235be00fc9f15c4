package io.hbtrace.analyzer.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations of findings, by order key, for an export to mark: each labelled with the finding's
 * number (as the text report numbers them), its check, the operation's side and note. Holds only
 * the findings' operations, a handful per finding.
 */
public final class FindingMarks {
  /** One marked operation. */
  record Mark(int number, Finding finding, Operation op) {
    /** An instant on the findings track at the operation's order key. */
    void write(TraceEventWriter out, String threadName) throws IOException {
      out.instant(
          TraceEventWriter.FINDINGS,
          1,
          op.seq(),
          label(),
          "finding",
          g -> {
            g.writeNumberField("finding", number);
            g.writeStringField("check", finding.check());
            g.writeStringField("severity", finding.severity().label());
            g.writeStringField("title", finding.title());
            g.writeBooleanField("observed", finding.observed());
            g.writeStringField("thread", threadName);
            g.writeStringField("side", op.side());
            g.writeNumberField("seq", op.seq());
          });
    }

    /** E.g. {@code [2] S2 writer: post-IO invalidation passes page 1}. */
    String label() {
      return "["
          + number
          + "] "
          + finding.check().toUpperCase(Locale.ROOT)
          + " "
          + op.side()
          + ": "
          + op.note();
    }
  }

  private final Map<Long, List<Mark>> bySeq = new HashMap<>();
  private final int count;

  private FindingMarks(List<Finding> findings) {
    count = findings.size();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      for (Operation op : f.operations()) {
        bySeq.computeIfAbsent(op.seq(), s -> new ArrayList<>()).add(new Mark(i + 1, f, op));
      }
    }
  }

  /** Nothing to mark. */
  public static FindingMarks none() {
    return new FindingMarks(List.of());
  }

  /** The operations of these findings, numbered in list order from 1. */
  public static FindingMarks of(List<Finding> findings) {
    return new FindingMarks(findings);
  }

  /** The marks on the event with this order key (empty if none). */
  List<Mark> at(long seq) {
    List<Mark> m = bySeq.get(seq);
    return m == null ? List.of() : m;
  }

  /** Number of findings. */
  public int findings() {
    return count;
  }
}
