package io.hbtrace.analyzer.report;

import io.hbtrace.analyzer.Symbols;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations of a finding as a table: one column per thread, one row per event in trace order,
 * each cell the event's meaning and its source line — the way Lincheck and Fray print a failing
 * interleaving.
 */
final class InterleavingTable {
  private static final int WIDTH = 46;

  private InterleavingTable() {}

  static List<String> render(List<Operation> ops, Symbols symbols) {
    List<Integer> threads = new ArrayList<>();
    List<String> sides = new ArrayList<>();
    for (Operation op : ops) {
      if (!threads.contains(op.thread())) {
        threads.add(op.thread());
        sides.add(op.side());
      }
    }
    List<String> lines = new ArrayList<>();
    StringBuilder header = new StringBuilder(pad("seq", 8));
    StringBuilder rule = new StringBuilder("-".repeat(8));
    for (int i = 0; i < threads.size(); i++) {
      header
          .append("| ")
          .append(pad(symbols.threadName(threads.get(i)) + " (" + sides.get(i) + ")", WIDTH));
      rule.append("+").append("-".repeat(WIDTH + 1));
    }
    lines.add(header.toString().stripTrailing());
    lines.add(rule.toString());
    for (Operation op : ops) {
      int column = threads.indexOf(op.thread());
      String[] cell = {
        op.note(),
        "  " + op.event().kind().recordName() + " " + EventText.fieldsWithoutInode(op.event()),
        "  at " + symbols.site(op.event().site()).shortForm()
      };
      for (int line = 0; line < cell.length; line++) {
        StringBuilder row = new StringBuilder(pad(line == 0 ? Long.toString(op.seq()) : "", 8));
        for (int c = 0; c < threads.size(); c++) {
          row.append("| ").append(pad(c == column ? cell[line] : "", WIDTH));
        }
        lines.add(row.toString().stripTrailing());
      }
    }
    return lines;
  }

  private static String pad(String s, int width) {
    if (s.length() > width) {
      return s.substring(0, width - 1) + "…";
    }
    return s + " ".repeat(width - s.length());
  }
}
